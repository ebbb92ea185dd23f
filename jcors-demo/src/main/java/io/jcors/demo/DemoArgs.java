package io.jcors.demo;

/**
 * The demo's command line: {@code [--api-port N] [--page-port N] [--help]}; also {@code
 * --api-port=N}. Parsing touches no network.
 *
 * @param apiPort the API's port, 0 for any free port
 * @param pagePort the page's port, 0 for any free port
 * @param help whether {@code --help} was given
 */
record DemoArgs(int apiPort, int pagePort, boolean help) {
  static final String USAGE =
      "usage: jcors demo [--api-port "
          + Demo.DEFAULT_API_PORT
          + "] [--page-port "
          + Demo.DEFAULT_PAGE_PORT
          + "]   (0 picks a free port)";

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  static DemoArgs parse(String... args) {
    int apiPort = Demo.DEFAULT_API_PORT;
    int pagePort = Demo.DEFAULT_PAGE_PORT;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--api-port", "--page-port" -> {
          if (value == null) {
            if (i + 1 == args.length) {
              throw new IllegalArgumentException(arg + " needs a port number");
            }
            value = args[++i];
          }
          int port = port(arg, value);
          if (arg.equals("--api-port")) {
            apiPort = port;
          } else {
            pagePort = port;
          }
        }
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    if (apiPort == pagePort && apiPort != 0) {
      throw new IllegalArgumentException(
          "--api-port and --page-port are both "
              + apiPort
              + "; the page must be on another origin than the API");
    }
    return new DemoArgs(apiPort, pagePort, help);
  }

  private static int port(String option, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        option + ": \"" + value + "\" is not a port number (0 to 65535)");
  }
}
