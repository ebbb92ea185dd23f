package io.jcors.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The two-origin walkthrough: the API of {@link DemoApi} on {@code http://localhost:3000} and a
 * page on {@code http://localhost:5500} whose buttons make cross-origin requests to it and show
 * what the browser decided and why.
 *
 * <pre>{@code
 * try (Demo demo = Demo.start(0, 0)) {
 *   System.out.println(demo.pageUrl());
 * }
 * }</pre>
 *
 * <p>Both servers listen on the loopback address only.
 */
public final class Demo implements AutoCloseable {
  /** The API's port unless {@code --api-port} says otherwise. */
  public static final int DEFAULT_API_PORT = 3000;

  /** The page's port unless {@code --page-port} says otherwise. */
  public static final int DEFAULT_PAGE_PORT = 5500;

  private final HttpServer api;
  private final HttpServer page;
  private final ExecutorService apiThreads;
  private final ExecutorService pageThreads;

  private Demo(
      HttpServer api, HttpServer page, ExecutorService apiThreads, ExecutorService pageThreads) {
    this.api = api;
    this.page = page;
    this.apiThreads = apiThreads;
    this.pageThreads = pageThreads;
  }

  /**
   * Starts the API and the page; port 0 picks a free port.
   *
   * @throws PortInUseException when a port is taken, naming the option that changes it
   * @throws IOException when a server cannot start for another reason
   */
  public static Demo start(int apiPort, int pagePort) throws IOException {
    HttpServer api = bind(apiPort, "--api-port");
    HttpServer page;
    try {
      page = bind(pagePort, "--page-port");
    } catch (IOException | RuntimeException e) {
      api.stop(0);
      throw e;
    }
    String apiOrigin = "http://localhost:" + api.getAddress().getPort();
    String pageOrigin = "http://localhost:" + page.getAddress().getPort();

    RequestLog log = new RequestLog();
    Tutorial tutorial = new Tutorial(pageOrigin);
    DemoApi.install(api, pageOrigin, tutorial).getFilters().add(0, log.recorder());
    DemoPage.install(page, apiOrigin, pageOrigin, log, tutorial);

    ExecutorService apiThreads = Executors.newFixedThreadPool(4, daemon("jcors-demo-api"));
    ExecutorService pageThreads = Executors.newFixedThreadPool(4, daemon("jcors-demo-page"));
    api.setExecutor(apiThreads);
    page.setExecutor(pageThreads);
    api.start();
    page.start();
    return new Demo(api, page, apiThreads, pageThreads);
  }

  /** The API's URL, e.g. {@code http://localhost:3000}. */
  public String apiUrl() {
    return "http://localhost:" + api.getAddress().getPort();
  }

  /** The page's URL, e.g. {@code http://localhost:5500}. */
  public String pageUrl() {
    return "http://localhost:" + page.getAddress().getPort();
  }

  /** The port the API listens on. */
  public int apiPort() {
    return api.getAddress().getPort();
  }

  /** The port the page listens on. */
  public int pagePort() {
    return page.getAddress().getPort();
  }

  /** Stops both servers. */
  @Override
  public void close() {
    // Each stop waits up to a second for the server's dispatcher: stop both at once.
    CompletableFuture<Void> pageStopped = CompletableFuture.runAsync(() -> page.stop(0));
    api.stop(0);
    pageStopped.join();
    pageThreads.shutdownNow();
    apiThreads.shutdownNow();
  }

  /** What to print once both servers listen. */
  public String banner() {
    return String.join(
        System.lineSeparator(),
        "jcors demo",
        "  API   "
            + apiUrl()
            + "   (its source: jcors-demo/src/main/java/io/jcors/demo/DemoApi.java)",
        "  page  " + pageUrl() + "   <- open this in a browser",
        "",
        "The page is on another origin than the API. Click each button: the page shows the"
            + " requests",
        "the browser sent (preflights included), what the API answered, whether the browser let"
            + " the",
        "page read it, and for a blocked request why and how to fix the API.",
        "",
        "Press Ctrl-C to stop.");
  }

  /**
   * {@code demo [--api-port 3000] [--page-port 5500]}: starts the demo, prints both URLs, and runs
   * until Ctrl-C. Exits with 2 on a usage error or a port in use.
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs {@code main} with the given streams; returns the exit status when the demo could not
   * start, and otherwise blocks until the JVM shuts down.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    DemoArgs parsed;
    try {
      parsed = DemoArgs.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("demo: " + e.getMessage());
      err.println(DemoArgs.USAGE);
      return 2;
    }
    if (parsed.help()) {
      out.println(DemoArgs.USAGE);
      return 0;
    }
    Demo demo;
    try {
      demo = start(parsed.apiPort(), parsed.pagePort());
    } catch (PortInUseException e) {
      err.println("demo: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("demo: could not start: " + e.getMessage());
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "jcors-demo-shutdown"));
    out.println(demo.banner());
    out.flush();
    // The servers' threads are daemons: wait here until Ctrl-C runs the shutdown hook.
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      demo.close();
    }
    return 0;
  }

  private static HttpServer bind(int port, String option) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new PortInUseException(port, option);
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A port another program listens on already. */
  public static final class PortInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    PortInUseException(int port, String option) {
      super(
          "port "
              + port
              + " is already in use; stop the program using it or choose another port with "
              + option
              + " (e.g. "
              + option
              + " "
              + (port == 65535 ? port - 1 : port + 1)
              + ")");
    }
  }
}
