import sys

from victim_journey.cli.main import main

sys.exit(main())
