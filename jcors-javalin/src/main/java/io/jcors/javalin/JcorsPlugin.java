package io.jcors.javalin;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServletContext;
import io.javalin.http.servlet.SubmitOrder;
import io.javalin.http.servlet.Task;
import io.javalin.http.servlet.TaskInitializer;
import io.javalin.plugin.Plugin;
import io.javalin.plugin.PluginPriority;
import io.jcors.CorsDecision;
import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import kotlin.Unit;

/**
 * Applies a jcors policy to every request of a Javalin 7 application: {@code app.use(cors())} for
 * Javalin.
 *
 * <pre>{@code
 * Javalin app =
 *     Javalin.create(
 *         config -> {
 *           config.registerPlugin(
 *               new JcorsPlugin(
 *                   CorsOptions.builder().origin(Origins.of("https://app.example.com")).build()));
 *           config.routes.get("/products", ctx -> ctx.result("lamp, desk"));
 *         });
 * app.start("127.0.0.1", 0);
 * }</pre>
 *
 * <p>The plugin puts its step first in Javalin's request lifecycle, ahead of every before-handler
 * (wherever the configuration adds it) and of the {@code beforeMatched} handlers that check access,
 * and adds an after-handler. Preflights are answered there, with {@code optionsSuccessStatus} and
 * {@code Content-Length: 0}, and the remaining handlers are skipped (the after-handlers still run),
 * unless {@code preflightContinue} passes them on. Every other request goes on with its CORS
 * headers set; the status of a request from a refused origin is never changed (javalin#2105
 * answered it 400). Exception and error handlers keep the headers, and the after-handler puts back
 * the CORS names in a {@code Vary} the application set. A configuration that replaces the request
 * lifecycle ({@code config.requestLifeCycle(...)}) after registering the plugin drops its step.
 *
 * <p>When an origin or options function completes later, the request waits in {@code
 * ctx.future(...)}, holding no request thread; when it fails, the client gets a 500 without CORS
 * headers.
 *
 * <p>Routes ({@link CorsPolicy#routes()}) and options functions see the decoded path only where
 * Javalin's router, which matches the path as received, reads it the same way: a path holding
 * {@code ;} parameters, dot segments, empty segments or a percent-encoded letter, digit or {@code
 * -._~}, or one that cannot be decoded without ambiguity ({@link io.jcors.RequestPath}), gets no
 * CORS headers from them.
 */
public final class JcorsPlugin extends Plugin<Void> {
  /** The request attribute that keeps a request's view for the after-handler. */
  private static final String VIEW = JcorsPlugin.class.getName() + ".view";

  private static final System.Logger LOG = System.getLogger("io.jcors.javalin");

  private final CorsPolicy policy;

  /** A plugin applying {@code policy}. */
  public JcorsPlugin(CorsPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A plugin applying {@code options} on every path. */
  public JcorsPlugin(CorsOptions options) {
    this(CorsPolicy.of(options));
  }

  @Override
  public String name() {
    return "jcors";
  }

  @Override
  public PluginPriority priority() {
    return PluginPriority.EARLY;
  }

  /**
   * Puts the CORS step first in Javalin's request lifecycle, ahead of its before-handlers, wherever
   * the configuration adds them, and adds the after-handler.
   */
  @Override
  public void onInitialize(JavalinState state) {
    List<TaskInitializer<JavalinServletContext>> lifecycle =
        new ArrayList<>(state.servletRequestLifecycle);
    lifecycle.add(
        0,
        (submitTask, servlet, ctx, requestUri) ->
            submitTask.invoke(
                SubmitOrder.LAST,
                new Task(
                    true,
                    () -> {
                      before(ctx);
                      return Unit.INSTANCE;
                    })));
    state.servletRequestLifecycle = lifecycle;
    state.routes.after(JcorsPlugin::after);
  }

  private void before(Context ctx) {
    ContextView view = new ContextView(ctx);
    CorsDecision now = policy.decideNowOrLater(view, JcorsPlugin::later);
    if (now != null) {
      apply(now, view);
    }
  }

  /**
   * An origin or options function is still running: Javalin suspends the request until the future
   * completes, and goes on with the next handler on a request thread then.
   */
  private static void later(ContextView view, CompletionStage<CorsDecision> decided) {
    Context ctx = view.ctx;
    ctx.future(
        () ->
            decided
                .handle(
                    (decision, error) -> {
                      if (error != null) {
                        LOG.log(System.Logger.Level.ERROR, "CORS: " + error.getMessage(), error);
                        ctx.status(500).result("Internal Server Error");
                        ctx.skipRemainingHandlers();
                      } else {
                        apply(decision, view);
                      }
                      return null;
                    })
                .toCompletableFuture());
  }

  private static void apply(CorsDecision decision, ContextView view) {
    Context ctx = view.ctx;
    if (decision.isEmpty() && decision.action() == CorsDecision.Action.NEXT) {
      return; // no CORS for this request
    }
    view.decided(decision);
    ctx.attribute(VIEW, view);
    if (decision.action() == CorsDecision.Action.RESPOND) {
      // Express sends Content-Length: 0 even with 204 (Safari waits for a body otherwise).
      ctx.status(decision.status());
      ctx.header("Content-Length", "0");
      ctx.skipRemainingHandlers();
    }
  }

  private static void after(Context ctx) {
    ContextView view = ctx.attribute(VIEW);
    if (view != null) {
      view.restore();
    }
  }
}
