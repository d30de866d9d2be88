"""``python -m kroniek.spark INPUT OUTPUT [options]`` (what ``spark-submit`` of job.py runs)."""

import sys

from .job import main

sys.exit(main())
