package io.jcors.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader for a web application without jcors-jdbc: it defines the classes of {@code
 * io.jcors.servlet} anew (so that their class-presence check runs here) and finds no class of
 * {@code io.jcors.jdbc}; everything else (the core, the Servlet API) comes from the test's class
 * path.
 */
final class WithoutJcorsJdbc extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Set<String> defined = ConcurrentHashMap.newKeySet();

  WithoutJcorsJdbc() {
    super("without-jcors-jdbc", WithoutJcorsJdbc.class.getClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith("io.jcors.jdbc.")) {
      throw new ClassNotFoundException(name + " (jcors-jdbc is not on this class path)");
    }
    if (!name.startsWith("io.jcors.servlet.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = define(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /** The names of the classes this loader defined. */
  Set<String> defined() {
    return Set.copyOf(defined);
  }

  private Class<?> define(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      defined.add(name);
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
