"""The hand-written runtime that the generated code declares itself against.

One job per module: ``shapes`` (the base model classes), ``enums`` (open enums),
``constraints`` (the service's string rules), ``lenient`` (response validation),
``redact`` (sensitive values), ``display`` (what a person sees), ``lazy`` (lazy
exports), ``calls`` (the client machinery), ``paginate``, ``wait`` and ``errors``.
"""
