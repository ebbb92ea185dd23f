package io.jcors.micronaut;

import io.jcors.CorsPolicy;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Real Micronaut Netty servers on 127.0.0.1, an ephemeral port. */
final class Servers {
  /** The event-loop threads of each server: every request runs on one of them. */
  static final int EVENT_LOOP_THREADS = 2;

  private Servers() {}

  /** A server with {@code app}'s controllers, {@code properties}, and {@code policy} as a bean. */
  static EmbeddedServer start(String app, CorsPolicy policy, Map<String, Object> properties) {
    return start(app, policy, properties, new String[0]);
  }

  /** The same, with {@code environments} active (their {@code application-NAME.yml} read). */
  static EmbeddedServer start(
      String app, CorsPolicy policy, Map<String, Object> properties, String... environments) {
    Map<String, Object> all = new HashMap<>();
    all.put("micronaut.security.enabled", false); // on only where a test turns it on
    all.putAll(properties);
    all.put("test.app", app);
    all.put("micronaut.server.host", "127.0.0.1");
    all.put("micronaut.server.port", -1); // a random free port
    all.put("micronaut.server.netty.worker.threads", EVENT_LOOP_THREADS);
    ApplicationContextBuilder builder =
        ApplicationContext.builder().environments(environments).properties(all);
    ApplicationContext context =
        policy == null ? builder.start() : builder.singletons(policy).start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    return server;
  }

  /** {@code http://127.0.0.1:PORT}. */
  static String base(EmbeddedServer server) {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Stops the server and its context. */
  static void stop(EmbeddedServer server) {
    server.stop();
    server.getApplicationContext().close();
  }
}
