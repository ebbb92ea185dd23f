package io.jcors.jaxrs;

import io.jcors.testsupport.AdapterContract;
import io.jcors.testsupport.RoutingPaths;
import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * A Jakarta REST implementation on its real server, on 127.0.0.1, an ephemeral port and a fixed
 * number of request threads: Jersey on Grizzly, RESTEasy on Undertow.
 */
enum Runtime {
  JERSEY {
    @Override
    AdapterContract.Server start(List<Object> components) throws Exception {
      ResourceConfig config = new ResourceConfig();
      for (Object component : components) {
        if (component instanceof Class<?> type) {
          config.register(type);
        } else {
          config.register(component);
        }
      }
      HttpServer server =
          GrizzlyHttpServerFactory.createHttpServer(
              URI.create("http://127.0.0.1:0/"), config, false);
      NetworkListener listener = server.getListeners().iterator().next();
      listener
          .getTransport()
          .setWorkerThreadPoolConfig(
              ThreadPoolConfig.defaultConfig().setCorePoolSize(THREADS).setMaxPoolSize(THREADS));
      server.start();
      return server(listener.getPort(), server::shutdownNow);
    }

    /**
     * Grizzly removes a {@code ;jsessionid} parameter before Jersey reads the path; Jersey's
     * Grizzly container cannot make a {@code java.net.URI} of a raw {@code \} or an invalid
     * percent-encoding, and answers 500 before any filter.
     */
    @Override
    RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
      if (Set.of("raw backslash", "invalid hex", "truncated escape", "lone percent")
          .contains(entry.name())) {
        return RoutingPaths.Reading.REJECTED;
      }
      if (entry.rawPath().contains(";jsessionid=")) {
        return RoutingPaths.Reading.AS_THE_CORE;
      }
      return super.reads(entry);
    }
  },

  RESTEASY {
    @Override
    AdapterContract.Server start(List<Object> components) throws Exception {
      Undertowed server = new Undertowed();
      server.start(Undertow.builder().addHttpListener(0, "127.0.0.1").setWorkerThreads(THREADS));
      server.deploy(new App(components), "/");
      return server(server.port(), server::stop);
    }
  };

  /** The request threads of each server. */
  static final int THREADS = 4;

  /**
   * Starts {@code components} (resource and provider classes, provider instances) as one
   * application on the root path.
   */
  abstract AdapterContract.Server start(List<Object> components) throws Exception;

  /**
   * How the runtime reads a path of {@link RoutingPaths} when it matches resources: on the path as
   * received, so a path that encodes a letter, digit or {@code -._~} is not the decoded path's
   * route, and gets no CORS headers from routes; parameters, dot and empty segments are left in.
   */
  RoutingPaths.Reading reads(RoutingPaths.Entry entry) {
    return RoutingPaths.asReceived(entry);
  }

  private static AdapterContract.Server server(int port, Runnable stop) {
    return new AdapterContract.Server() {
      @Override
      public String base() {
        return "http://127.0.0.1:" + port;
      }

      @Override
      public int requestThreads() {
        return THREADS;
      }

      @Override
      public void stop() {
        stop.run();
      }
    };
  }

  /** RESTEasy's Undertow server, with the port it listens on. */
  private static final class Undertowed extends UndertowJaxrsServer {
    int port() {
      return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
  }

  /** The components as an {@link Application}, for RESTEasy. */
  private static final class App extends Application {
    private final Set<Class<?>> classes = new java.util.LinkedHashSet<>();
    private final Set<Object> singletons = new java.util.LinkedHashSet<>();

    App(List<Object> components) {
      for (Object component : components) {
        if (component instanceof Class<?> type) {
          classes.add(type);
        } else {
          singletons.add(component);
        }
      }
    }

    @Override
    public Set<Class<?>> getClasses() {
      return classes;
    }

    // Provider instances (a JcorsFeature with its policy) reach RESTEasy this way; Jakarta REST 4
    // deprecates it in favour of CDI, which these tests do not run.
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
      return singletons;
    }
  }
}
