"""Command line entry point (placeholder replaced by the runner work)."""
import sys


def main() -> int:
    return 0


if __name__ == "__main__":
    sys.exit(main())
