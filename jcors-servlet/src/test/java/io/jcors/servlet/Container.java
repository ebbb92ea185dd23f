package io.jcors.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded servlet container on 127.0.0.1 and an ephemeral port, set up through the standard
 * {@link ServletContext} API (the way an application registers the filter), plus error pages, which
 * have no standard API.
 */
abstract class Container {
  final Map<Integer, String> errorPages = new LinkedHashMap<>();
  int maxThreads = 20;
  boolean ambiguousPaths;

  /** The two containers under test. */
  enum Kind {
    TOMCAT,
    JETTY;

    Container create() {
      return this == TOMCAT ? new TomcatContainer() : new JettyContainer();
    }
  }

  Container errorPage(int status, String location) {
    errorPages.put(status, location);
    return this;
  }

  Container maxThreads(int threads) {
    maxThreads = threads;
    return this;
  }

  /**
   * Serves paths the container refuses by default: an encoded {@code /} decoded (Tomcat's {@code
   * encodedSolidusHandling="decode"}, Jetty's {@code UriCompliance.UNSAFE} with ambiguous URIs
   * decoded), and on Jetty invalid UTF-8 too.
   */
  Container acceptAmbiguousPaths() {
    ambiguousPaths = true;
    return this;
  }

  /** Starts the container with {@code setup} run as the context starts; the base URL. */
  abstract String start(Consumer<ServletContext> setup) throws Exception;

  abstract void close() throws Exception;

  static ServletContainerInitializer initializer(Consumer<ServletContext> setup) {
    return (classes, context) -> setup.accept(context);
  }

  static final class TomcatContainer extends Container {
    private Tomcat tomcat;
    private Path baseDir;

    @Override
    String start(Consumer<ServletContext> setup) throws Exception {
      baseDir = Files.createTempDirectory("jcors-tomcat");
      tomcat = new Tomcat();
      tomcat.setBaseDir(baseDir.toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      connector.setProperty("maxThreads", Integer.toString(maxThreads));
      connector.setProperty("minSpareThreads", "1");
      if (ambiguousPaths) {
        connector.setEncodedSolidusHandling("decode");
      }
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("", baseDir.toString());
      quiet(context);
      context.addServletContainerInitializer(initializer(setup), null);
      for (Map.Entry<Integer, String> page : errorPages.entrySet()) {
        ErrorPage errorPage = new ErrorPage();
        errorPage.setErrorCode(page.getKey());
        errorPage.setLocation(page.getValue());
        context.addErrorPage(errorPage);
      }
      return startTomcat(context);
    }

    /** Starts a web application whose {@code WEB-INF/web.xml} is {@code webXml}. */
    String startWebXml(String webXml, Consumer<ServletContext> setup) throws Exception {
      return startWebXml(webXml, Map.of(), setup);
    }

    /**
     * Starts a web application whose {@code WEB-INF/web.xml} is {@code webXml}, with {@code files}
     * (by path in the application, such as {@code WEB-INF/cors.json}) beside it.
     */
    String startWebXml(String webXml, Map<String, String> files, Consumer<ServletContext> setup)
        throws Exception {
      baseDir = Files.createTempDirectory("jcors-tomcat");
      Path docBase = Files.createDirectories(baseDir.resolve("webapp/WEB-INF")).getParent();
      Files.writeString(docBase.resolve("WEB-INF/web.xml"), webXml);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(docBase.resolve(file.getKey()), file.getValue());
      }
      tomcat = new Tomcat();
      tomcat.setBaseDir(baseDir.toString());
      Connector connector = new Connector();
      connector.setPort(0);
      connector.setProperty("address", "127.0.0.1");
      tomcat.setConnector(connector);
      tomcat.setAddDefaultWebXmlToWebapp(false);
      Context context = tomcat.addWebapp("", docBase.toString());
      quiet(context);
      context.setJarScanner(new org.apache.tomcat.util.scan.StandardJarScanner());
      ((org.apache.tomcat.util.scan.StandardJarScanner) context.getJarScanner())
          .setScanClassPath(false);
      context.addServletContainerInitializer(initializer(setup), null);
      return startTomcat(context);
    }

    /** No leak detection: it needs --add-opens and warns on every stop otherwise. */
    private static void quiet(Context context) {
      StandardContext standard = (StandardContext) context;
      standard.setClearReferencesThreadLocals(false);
      standard.setClearReferencesRmiTargets(false);
    }

    private String startTomcat(Context context) throws Exception {
      tomcat.start();
      if (context.getState() != LifecycleState.STARTED) {
        throw new IllegalStateException("the web application did not start: " + context.getState());
      }
      return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    void close() throws Exception {
      if (tomcat != null) {
        tomcat.stop();
        tomcat.destroy();
      }
      if (baseDir != null) {
        delete(baseDir.toFile());
      }
    }

    private static void delete(File file) {
      File[] children = file.listFiles();
      if (children != null) {
        for (File child : children) {
          delete(child);
        }
      }
      if (!file.delete() && file.exists()) {
        throw new UncheckedIOException(new IOException("cannot delete " + file));
      }
    }
  }

  static final class JettyContainer extends Container {
    private Server server;

    @Override
    String start(Consumer<ServletContext> setup) throws Exception {
      QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(maxThreads, 4));
      threads.setName("jetty-request");
      server = new Server(threads);
      ServerConnector connector = new ServerConnector(server, 1, 1);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler("/");
      if (ambiguousPaths) {
        connector
            .getConnectionFactory(HttpConnectionFactory.class)
            .getHttpConfiguration()
            .setUriCompliance(UriCompliance.UNSAFE);
        context.getServletHandler().setDecodeAmbiguousURIs(true);
      }
      context.addServletContainerInitializer(initializer(setup));
      ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
      errorPages.forEach(errors::addErrorPage);
      context.setErrorHandler(errors);
      server.setHandler(context);
      server.start();
      return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    void close() throws Exception {
      if (server != null) {
        server.stop();
      }
    }
  }
}
