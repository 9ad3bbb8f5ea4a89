from altlep.cli import main

main()
