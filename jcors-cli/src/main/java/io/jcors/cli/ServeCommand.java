package io.jcors.cli;

import io.jcors.check.PrintableText;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.OriginSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcors serve --config FILE [--port N] [--host H] [--request-timeout SECONDS]}: a mock API
 * behind the configured CORS policies, until Ctrl-C or SIGTERM. Slow and many clients are bounded
 * by {@link ServerLimits}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run a mock API behind the CORS policies of a config file.",
      "Every route answers any method with 200, X-Route: <path> and"
          + " {\"route\":\"<path>\",\"method\":\"<METHOD>\"}; other paths get 404. A config"
          + " without routes is one route, /**.",
      "Origins from a database (\"origin\": {\"jdbc\": {...}}) are loaded at start and"
          + " refreshed in the background; a failed refresh keeps the last good list, and until"
          + " a first load succeeds every origin is refused.",
      "A client must send each request within --request-timeout, else its connection is closed;"
          + " up to "
          + ServerLimits.MAX_REQUESTS_IN_PROGRESS
          + " requests are read or answered at"
          + " once.",
      "Prints 'listening on http://HOST:PORT' when ready; Ctrl-C stops it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "130:stopped by Ctrl-C",
      "143:stopped by SIGTERM",
      "2:invalid config (every problem is listed, nothing starts), port in use, bad arguments"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The config file (.json, .yaml or .yml).")
  Path config;

  @Option(
      names = "--port",
      defaultValue = "3000",
      paramLabel = "N",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "H",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--request-timeout",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description =
          "The time a client has to send a request (headers and body), and to take the response;"
              + " then its connection is closed (default: ${DEFAULT-VALUE}).")
  int requestTimeout;

  /** The longest {@code --request-timeout}: an hour. */
  private static final int MAX_REQUEST_TIMEOUT = 3600;

  /** Needed by picocli. */
  ServeCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("jcors serve: --port " + port + " is not a port; use 0 to 65535");
      return Main.ERRORS;
    }
    if (requestTimeout < 1 || requestTimeout > MAX_REQUEST_TIMEOUT) {
      err.println(
          "jcors serve: --request-timeout "
              + requestTimeout
              + " is not a number of seconds from 1 to "
              + MAX_REQUEST_TIMEOUT
              + "; the default is 10");
      return Main.ERRORS;
    }
    // Before the server exists: the JDK reads its limits once, when the first one is created.
    ServerLimits.apply(Duration.ofSeconds(requestTimeout));
    // Origin lists from a database refresh in the background until the server stops.
    try (OriginSources sources = OriginSources.open(ServeCommand.class.getClassLoader())) {
      return serve(sources, out, err);
    }
  }

  private int serve(OriginSources sources, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    LoadedConfig loaded = ConfigReader.read(config, sources);
    List<Finding> findings = loaded.problems().stream().map(Finding::of).toList();
    for (Finding finding : findings) {
      err.println(finding.toText(loaded.source()));
    }
    if (loaded.hasErrors()) {
      if (loaded.unreadable()) {
        return Main.ERRORS; // the file cannot be read: its one finding says why
      }
      err.println(
          PrintableText.escape(loaded.source())
              + ": "
              + Report.summary(findings)
              + "; nothing started");
      return Main.ERRORS;
    }
    MockApi api;
    try {
      api = MockApi.start(host, port, loaded.policy());
    } catch (BindException e) {
      err.println(
          PrintableText.escape(
              String.valueOf(e.getMessage()).contains("in use")
                  ? "jcors serve: port "
                      + port
                      + " on "
                      + host
                      + " is already in use; choose another"
                      + " with --port (0 picks a free one)"
                  : "jcors serve: cannot listen on "
                      + host
                      + " port "
                      + port
                      + " ("
                      + e.getMessage()
                      + "); check --host and --port"));
      return Main.ERRORS;
    } catch (IOException | IllegalArgumentException e) {
      err.println(
          PrintableText.escape(
              "jcors serve: cannot listen on " + host + " port " + port + ": " + e.getMessage()));
      return Main.ERRORS;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  sources.close();
                  err.println("jcors serve: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "jcors-serve-shutdown"));
    out.println("listening on " + api.url());
    out.flush();
    stopped.await();
    return Main.OK;
  }
}
