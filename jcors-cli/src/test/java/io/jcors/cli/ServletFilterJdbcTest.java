package io.jcors.cli;

import static io.jcors.servlet.testing.FilterParams.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcors.jdbc.testing.Eventually;
import io.jcors.jdbc.testing.Sql;
import io.jcors.servlet.CorsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The servlet filter's {@code config} init-param naming a JSON file whose origins come from a
 * database, {@code "origin": {"jdbc": {...}}}, as {@code jcors serve} reads it: a SQLite file, the
 * JSON reader of jcors-config, the jdbc source found by its key, real HTTP to Tomcat and Jetty.
 */
public class ServletFilterJdbcTest {
  private static final String APP = "https://app.example.com";
  private static final String NEW = "https://new.example.com";

  @TempDir Path dir;
  private Path database;
  private Sql sql;
  private Container container;
  private final HttpClient client = HttpClient.newHttpClient();

  /** Needed by JUnit on the class path with -Xlint:all. */
  public ServletFilterJdbcTest() {}

  @BeforeEach
  void createTheTable() {
    database = dir.resolve("origins.db");
    sql = new Sql("jdbc:sqlite:" + database, null);
    sql.run("CREATE TABLE cors_origins (origin TEXT PRIMARY KEY)");
    sql.insert(APP);
  }

  @AfterEach
  void stop() throws Exception {
    if (container != null) {
      container.close();
    }
  }

  /** A config file reading the origins from the SQLite file, refreshed every second. */
  private Path config(String otherOptions) throws IOException {
    return Files.writeString(
        dir.resolve("cors.json"),
        "{\"origin\": {\"jdbc\": {\"url\": \"jdbc:sqlite:"
            + database.toString().replace("\\", "\\\\")
            + "\", \"query\": \"SELECT origin FROM cors_origins\", \"refreshSeconds\": 1}}"
            + otherOptions
            + "}\n");
  }

  /** The refresh threads of the lists reading this test's database. */
  private List<String> refreshThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("jcors-jdbc-refresh") && name.contains(database.toString()))
        .toList();
  }

  private Optional<String> allowOrigin(String base, String origin) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(base + "/items")).header("Origin", origin).build(),
              HttpResponse.BodyHandlers.ofString())
          .headers()
          .firstValue("Access-Control-Allow-Origin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Container.Kind.class)
  void originsFromTheTable_refreshed_untilTheContextStops(Container.Kind kind) throws Exception {
    container = kind.create();
    String base = container.start(config(", \"methods\": \"GET,PUT\""));

    assertThat(allowOrigin(base, APP)).hasValue(APP);
    assertThat(allowOrigin(base, NEW)).as("not in the table yet").isEmpty();
    assertThat(refreshThreads()).hasSize(1);

    sql.insert(NEW);
    Eventually.await("the inserted origin is allowed", () -> allowOrigin(base, NEW).isPresent());
    assertThat(allowOrigin(base, NEW)).hasValue(NEW);

    container.stopContext(); // the container calls the filter's destroy()
    Eventually.await("the refresh thread ends", () -> refreshThreads().isEmpty());
  }

  @Test
  void anotherOptionWrong_initFails_andTheStartedListStopsRefreshing() throws Exception {
    Path file = config(", \"maxAge\": \"soon\"");

    assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
        .isInstanceOf(ServletException.class)
        .hasMessageStartingWith("filter cors: " + file + ": invalid CORS configuration (1 problem)")
        .hasMessageContaining(
            "  - 1:"
                + (Files.readString(file).indexOf("\"soon\"") + 1)
                + ": maxAge: \"soon\" is not a whole number");
    Eventually.await("the refresh thread ends", () -> refreshThreads().isEmpty());
  }

  @Test
  void wrongSetting_initFailsNamingIt() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("cors.json"),
            "{\"origin\": {\"jdbc\": {\"url\": \"jdbc:sqlite:"
                + database.toString().replace("\\", "\\\\")
                + "\", \"querry\": \"SELECT origin FROM cors_origins\"}}}\n");

    assertThatThrownBy(() -> new CorsFilter().init(params("config", file.toString())))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining(
            "origin.jdbc: has the unknown setting \"querry\"; did you mean \"query\"?");
    assertThat(refreshThreads()).isEmpty();
  }

  /** Answers every request with 200 and "ok". */
  private static final class Ok extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write("ok");
    }
  }

  /**
   * A container on 127.0.0.1 and an ephemeral port, whose application registers the filter by class
   * with the {@code config} init-param, as a web.xml does.
   */
  abstract static class Container {
    enum Kind {
      TOMCAT,
      JETTY;

      Container create() {
        return this == TOMCAT ? new TomcatContainer() : new JettyContainer();
      }
    }

    /** Starts the application; the base URL. */
    abstract String start(Path config) throws Exception;

    /** Stops the application, and with it its filters, while the server keeps running. */
    abstract void stopContext() throws Exception;

    abstract void close() throws Exception;

    static ServletContainerInitializer application(Path config) {
      return (classes, context) -> {
        FilterRegistration.Dynamic cors = context.addFilter("cors", CorsFilter.class);
        cors.setInitParameter("config", config.toString());
        cors.setAsyncSupported(true);
        cors.addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR),
            false,
            "/*");
        context.addServlet("ok", new Ok()).addMapping("/");
      };
    }
  }

  static final class TomcatContainer extends Container {
    private Tomcat tomcat;
    private Context context;

    @Override
    String start(Path config) throws Exception {
      Path base = Files.createDirectories(config.resolveSibling("tomcat")); // in the @TempDir
      tomcat = new Tomcat();
      tomcat.setBaseDir(base.toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      context = tomcat.addContext("", base.toString());
      ((StandardContext) context).setClearReferencesThreadLocals(false);
      ((StandardContext) context).setClearReferencesRmiTargets(false);
      context.addServletContainerInitializer(application(config), null);
      tomcat.start();
      assertThat(context.getState()).isEqualTo(LifecycleState.STARTED);
      return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    void stopContext() throws Exception {
      context.stop();
    }

    @Override
    void close() throws Exception {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  static final class JettyContainer extends Container {
    private Server server;
    private ServletContextHandler context;

    @Override
    String start(Path config) throws Exception {
      server = new Server();
      ServerConnector connector = new ServerConnector(server, 1, 1);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      context = new ServletContextHandler("/");
      context.addServletContainerInitializer(application(config));
      server.setHandler(context);
      server.start();
      return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    void stopContext() throws Exception {
      context.stop();
    }

    @Override
    void close() throws Exception {
      server.stop();
    }
  }
}
