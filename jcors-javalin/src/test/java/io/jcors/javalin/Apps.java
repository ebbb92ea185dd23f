package io.jcors.javalin;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.jcors.CorsPolicy;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Real Javalin servers on 127.0.0.1, an ephemeral port. */
final class Apps {
  /** Jetty's request threads: at most this many requests run at once. */
  static final int THREADS = 8;

  private Apps() {}

  /** A server with the plugin of {@code policy} first, then {@code more}. */
  static Javalin start(CorsPolicy policy, Consumer<JavalinConfig> more) {
    Javalin app =
        Javalin.create(
            config -> {
              config.registerPlugin(new JcorsPlugin(policy));
              config.jetty.threadPool = new QueuedThreadPool(THREADS, 2);
              config.startup.showJavalinBanner = false;
              more.accept(config);
            });
    return app.start("127.0.0.1", 0);
  }

  /**
   * The application routes of {@link io.jcors.testsupport.AdapterContract}, and its error handlers
   * for 404 and 500.
   */
  static void contractRoutes(JavalinConfig config) {
    for (int status : new int[] {404, 500}) {
      config.routes.error(status, ctx -> ctx.result("error page " + status));
    }
    config.routes.get("/<path>", Apps::answer);
    config.routes.post("/<path>", Apps::answer);
    config.routes.put("/<path>", Apps::answer);
    config.routes.patch("/<path>", Apps::answer);
    config.routes.delete("/<path>", Apps::answer);
    config.routes.options("/<path>", Apps::answer);
  }

  private static void answer(Context ctx) {
    switch (ctx.path()) {
      case "/four-oh-four" -> ctx.status(404);
      case "/five-hundred" -> throw new IllegalStateException("the application failed");
      default -> {
        if (ctx.path().equals("/vary")) {
          ctx.header("Vary", "Accept-Encoding");
        }
        ctx.contentType("text/plain").result(ctx.req().getMethod() + " " + ctx.path());
      }
    }
  }

  static String base(Javalin app) {
    return "http://127.0.0.1:" + app.port();
  }
}
