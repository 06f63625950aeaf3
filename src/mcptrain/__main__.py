from mcptrain.cli import main

main()
