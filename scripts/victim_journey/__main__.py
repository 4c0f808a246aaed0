import sys

from victim_journey.cli import main

sys.exit(main())
