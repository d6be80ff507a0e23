import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JDK oracle for Pattern.matches: run as {@code java tests/jdk/PatternOracle.java}.
 *
 * <p>Each stdin line is {@code PATTERN<TAB>INPUT}, both written as hex of their UTF-16 code units
 * (4 hex digits per unit), so any string survives the trip. Prints one line per case: "true"/"false".
 */
public class PatternOracle {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        Map<String, Pattern> compiled = new HashMap<>();
        for (String line; (line = in.readLine()) != null; ) {
            String[] fields = line.split("\t", -1);
            Pattern pattern = compiled.computeIfAbsent(fields[0], hex -> Pattern.compile(decode(hex)));
            out.append(pattern.matcher(decode(fields[1])).matches()).append('\n');
        }
        System.out.print(out);
    }

    private static String decode(String hex) {
        char[] units = new char[hex.length() / 4];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
        }
        return new String(units);
    }
}
