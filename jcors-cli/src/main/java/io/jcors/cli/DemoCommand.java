package io.jcors.cli;

import io.jcors.check.PrintableText;
import io.jcors.demo.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcors demo [--api-port 3000] [--page-port 5500]}: the two-origin walkthrough of {@link
 * Demo}, until Ctrl-C or SIGTERM.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the demo: an API written with jcors on http://localhost:3000 and a page on"
          + " http://localhost:5500 whose buttons make cross-origin requests to it and show what"
          + " the browser decided and why.",
      "Prints both URLs when ready; Ctrl-C stops both servers. Docs: docs/demo.md"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "130:stopped by Ctrl-C",
      "143:stopped by SIGTERM",
      "2:a port in use, bad arguments"
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--api-port",
      defaultValue = "" + Demo.DEFAULT_API_PORT,
      paramLabel = "N",
      description = "The API's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int apiPort;

  @Option(
      names = "--page-port",
      defaultValue = "" + Demo.DEFAULT_PAGE_PORT,
      paramLabel = "N",
      description = "The page's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int pagePort;

  /** Needed by picocli. */
  DemoCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      problems.forEach(problem -> err.println("jcors demo: " + PrintableText.escape(problem)));
      return Main.ERRORS;
    }
    Demo demo;
    try {
      // A port in use: Demo.PortInUseException names the port and the option that changes it.
      demo = Demo.start(apiPort, pagePort);
    } catch (IOException e) {
      err.println("jcors demo: " + PrintableText.escape(String.valueOf(e.getMessage())));
      return Main.ERRORS;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  err.println("jcors demo: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "jcors-demo-shutdown"));
    out.println(demo.banner());
    out.flush();
    stopped.await();
    return Main.OK;
  }

  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (apiPort < 0 || apiPort > 65535) {
      problems.add("--api-port " + apiPort + " is not a port; use 0 to 65535");
    }
    if (pagePort < 0 || pagePort > 65535) {
      problems.add("--page-port " + pagePort + " is not a port; use 0 to 65535");
    }
    if (apiPort == pagePort && apiPort != 0) {
      problems.add(
          "--api-port and --page-port are both "
              + apiPort
              + "; the page must be on another origin than the API");
    }
    return problems;
  }
}
