"""The hand-written runtime that the generated code declares itself against.

One job per module: ``shapes`` (the base model classes), ``enums`` (open enums),
``wiretypes`` (the Python values each wire type takes), ``constraints`` (the service's
string and size rules), ``lenient`` (derived validation: responses, the structure level),
``newer`` (the hint in errors when SageMaker may be newer than the SDK), ``redact``
(sensitive values), ``display`` (what a person sees), ``lazy`` (lazy exports), ``calls`` (the client machinery),
``paginate``, ``wait`` and ``errors``.
"""
