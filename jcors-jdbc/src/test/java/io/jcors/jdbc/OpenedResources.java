package io.jcors.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test opened (servers, origin lists, log captures), closed after it in the reverse order: a
 * server stops before the list it asks.
 */
final class OpenedResources {
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Closes {@code resource} with the others in {@link #closeAll}; returns it. */
  <T extends AutoCloseable> T add(T resource) {
    opened.add(resource);
    return resource;
  }

  /** Closes every resource, the last opened first. */
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }
}
