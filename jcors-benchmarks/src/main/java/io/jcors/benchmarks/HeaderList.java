package io.jcors.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Response headers as a server keeps them before writing them: a list of name/value pairs, reused
 * from one request to the next ({@link #clear()} keeps the arrays).
 */
final class HeaderList {
  private String[] names = new String[16];
  private String[] values = new String[16];
  private int size;

  void clear() {
    for (int i = 0; i < size; i++) {
      names[i] = null;
      values[i] = null;
    }
    size = 0;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  /** The first value of {@code name} (ignoring case), or null. */
  String get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  List<String> getAll(String name) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        all.add(values[i]);
      }
    }
    return all;
  }

  boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  void set(String name, String value) {
    int i = indexOf(name);
    if (i < 0) {
      add(name, value);
      return;
    }
    values[i] = value;
    // Remove any later fields of the same name, as a server's setHeader does.
    for (int j = size - 1; j > i; j--) {
      if (names[j].equalsIgnoreCase(name)) {
        remove(j);
      }
    }
  }

  void add(String name, String value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  private void remove(int i) {
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  void setValue(int i, String value) {
    values[i] = value;
  }

  /** The index of the first field named {@code name} (ignoring case), or -1. */
  int indexOf(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
