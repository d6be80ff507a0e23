"""``python -m sagemaker_typed``: the ``sagemaker-typed`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
