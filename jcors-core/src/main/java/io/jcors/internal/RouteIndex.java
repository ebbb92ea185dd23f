package io.jcors.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A list of route paths, and for a request path the first of them that matches it: first match
 * wins, as routes are documented, but without trying every route in turn.
 *
 * <pre>{@code
 * RouteIndex routes =
 *     new RouteIndex(
 *         List.of(
 *             PathPattern.compile("/products/:id"),
 *             PathPattern.compile("/api/admin/**"),
 *             PathPattern.compile("/api/**"),
 *             PathPattern.compile("/**")));
 * assertEquals(0, routes.first("/products/42"));
 * assertEquals(1, routes.first("/api/admin/users"));
 * assertEquals(2, routes.first("/api/users"));
 * assertEquals(3, routes.first("/products"));
 * }</pre>
 *
 * <p>The routes are kept in a tree of segments. Each route sits at the node its leading segments
 * lead to, text segments by their text and parameters (or a lone {@code *}) by an edge that any
 * segment takes; the rest of the route (from its first {@code *} within a segment or {@code **}) is
 * matched at that node. A lookup follows the request path's segments from the root, along the text
 * edge of each segment and the any-segment edge, and tries the routes of the nodes it reaches in
 * list order: at each node the routes listed before every route of its branches first, then the
 * branches, then the other routes, skipping every route (and every branch) listed after the best
 * match found so far. Each node is visited at most once, so a lookup costs the depth of the path
 * plus the routes tried, whatever the number of routes with other text segments; it allocates
 * nothing.
 *
 * <p>Routes that start with a {@code **} or a glob segment ({@code /**}/health, {@code /*.json})
 * sit at the root and are tried, in order, for every path: many of them cost one match each.
 */
public final class RouteIndex {
  private final PathPattern[] routes;
  private final Node root;

  /** Indexes {@code routes}; a route's number is its index in the list. */
  public RouteIndex(List<PathPattern> routes) {
    this.routes = routes.toArray(new PathPattern[0]);
    Builder root = new Builder();
    for (int r = 0; r < this.routes.length; r++) {
      PathPattern route = this.routes[r];
      Builder node = root;
      int depth = 0;
      for (; depth < route.segments(); depth++) {
        byte kind = route.kind(depth);
        if (kind == PathPattern.LITERAL) {
          node = node.literals.computeIfAbsent(route.literal(depth), k -> new Builder());
        } else if (kind == PathPattern.ANY) {
          if (node.any == null) {
            node.any = new Builder();
          }
          node = node.any;
        } else {
          break;
        }
      }
      node.routes.add(r);
    }
    this.root = root.build(0);
  }

  /** The number of routes. */
  public int size() {
    return routes.length;
  }

  /**
   * The number of the first route that matches {@code path}, a normalised request path ({@code
   * io.jcors.RequestPath.normalize}); -1 when none does, or {@code path} is null or does not start
   * with {@code /}.
   */
  public int first(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return -1;
    }
    int best = search(root, path, 0, PathPattern.end(path), Integer.MAX_VALUE, null);
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  /** How many routes {@link #first} matches {@code path} against, for tests of the structure. */
  int routesTried(String path) {
    int[] tried = new int[1];
    search(root, path, 0, PathPattern.end(path), Integer.MAX_VALUE, tried);
    return tried[0];
  }

  /**
   * How many slots of the root's table the lookup of {@code segment} reads, for tests of the table:
   * a few, whether the segment is there or not.
   */
  int rootSlotsRead(String segment) {
    if (root.keys == null) {
      return 0;
    }
    int read = 1;
    for (int slot = Node.spread(segment.hashCode()) & root.mask;
        root.keys[slot] != null && !root.keys[slot].equals(segment);
        slot = (slot + 1) & root.mask) {
      read++;
    }
    return read;
  }

  /**
   * The longest run of full slots in the root's table: the most slots a segment that is not there
   * can read, for tests of the table.
   */
  int longestRootRun() {
    if (root.keys == null) {
      return 0;
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < 2 * root.keys.length; i++) { // twice round: a run may wrap
      run = root.keys[i & root.mask] == null ? 0 : Math.min(run + 1, root.keys.length);
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * The best route at or under {@code node} for the segments of {@code path} after {@code pos}, or
   * {@code best} when none comes before it. The recursion is as deep as the path's segments that
   * the tree has nodes for: at most the number of segments of the longest route. Counts the routes
   * tried in {@code tried[0]} unless null.
   */
  private int search(Node node, String path, int pos, int end, int best, int[] tried) {
    if (node.min >= best) {
      return best;
    }
    Node literal = null;
    Node any = null;
    int segEnd = end;
    if (pos < end) {
      segEnd = PathPattern.segmentEnd(path, pos + 1, end);
      literal = node.literal(path, pos + 1, segEnd);
      any = segEnd > pos + 1 ? node.any : null;
    }
    int below = Math.min(literal == null ? best : literal.min, any == null ? best : any.min);
    // The routes here that come before every route under here first: a match among them is the
    // answer. The others after the branches, and only those before the best match found there.
    int i = 0;
    int[] here = node.routes;
    for (; i < here.length && here[i] < Math.min(best, below); i++) {
      if (tries(here[i], node, path, pos, end, tried)) {
        return here[i];
      }
    }
    if (literal != null && any != null && any.min < literal.min) {
      best = search(any, path, segEnd, end, best, tried);
      best = search(literal, path, segEnd, end, best, tried);
    } else {
      if (literal != null) {
        best = search(literal, path, segEnd, end, best, tried);
      }
      if (any != null) {
        best = search(any, path, segEnd, end, best, tried);
      }
    }
    for (; i < here.length && here[i] < best; i++) {
      if (tries(here[i], node, path, pos, end, tried)) {
        return here[i];
      }
    }
    return best;
  }

  /** Whether route {@code r}, at {@code node}, matches the rest of the path. */
  private boolean tries(int r, Node node, String path, int pos, int end, int[] tried) {
    if (tried != null) {
      tried[0]++;
    }
    return routes[r].matchesFrom(node.depth, path, pos, end);
  }

  /** A route that can never be chosen: an earlier one matches every path it matches. */
  public record Shadow(int route, int coveredBy) {}

  /**
   * Every route that an earlier route covers (each with the first such route), in list order. A
   * route only covered by several earlier ones together is not reported.
   */
  public List<Shadow> shadowed() {
    List<Shadow> shadowed = new ArrayList<>();
    for (int j = 1; j < routes.length; j++) {
      for (int i = 0; i < j; i++) {
        if (mayCover(routes[i], routes[j]) && routes[i].covers(routes[j])) {
          shadowed.add(new Shadow(j, i));
          break;
        }
      }
    }
    return shadowed;
  }

  /** A quick test before {@link PathPattern#covers}: a first text segment must be the same. */
  private static boolean mayCover(PathPattern first, PathPattern later) {
    if (first.segments() == 0 || first.kind(0) != PathPattern.LITERAL) {
      return true;
    }
    return later.segments() > 0
        && later.kind(0) == PathPattern.LITERAL
        && first.literal(0).equals(later.literal(0));
  }

  /** A node while the tree is built. */
  private static final class Builder {
    final Map<String, Builder> literals = new TreeMap<>();
    Builder any;
    final List<Integer> routes = new ArrayList<>();

    Node build(int depth) {
      Node node = new Node();
      node.depth = depth;
      node.routes = routes.stream().mapToInt(Integer::intValue).toArray();
      int min = node.routes.length > 0 ? node.routes[0] : Integer.MAX_VALUE;
      if (any != null) {
        node.any = any.build(depth + 1);
        min = Math.min(min, node.any.min);
      }
      if (!literals.isEmpty()) {
        int size = Integer.highestOneBit(literals.size() * 3) << 1; // at most two thirds full
        node.keys = new String[size];
        node.children = new Node[size];
        node.mask = size - 1;
        for (Map.Entry<String, Builder> e : literals.entrySet()) {
          Node child = e.getValue().build(depth + 1);
          min = Math.min(min, child.min);
          int slot = Node.spread(e.getKey().hashCode()) & node.mask;
          while (node.keys[slot] != null) {
            slot = (slot + 1) & node.mask;
          }
          node.keys[slot] = e.getKey();
          node.children[slot] = child;
        }
      }
      node.min = min;
      return node;
    }
  }

  /** A node of the tree: immutable once built. */
  private static final class Node {
    /** The number of segments from the root: where the routes here go on matching. */
    int depth;

    /** The routes whose leading text and any-segment segments lead here, in list order. */
    int[] routes;

    /** The smallest route number here or under here; {@code Integer.MAX_VALUE} for none. */
    int min;

    Node any;

    /** Open addressing by {@link String#hashCode()}, probed linearly; null without children. */
    String[] keys;

    Node[] children;
    int mask;

    /**
     * The hash's bits mixed: segment texts such as {@code svc1}, {@code svc2}, ... have consecutive
     * {@link String#hashCode()}s, which would fill consecutive slots, and a text that is absent
     * would then probe the whole run before it finds an empty slot.
     */
    static int spread(int hash) {
      int h = hash * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    /** The child for the text {@code path[from, to)}, or null; hashed in place, no substring. */
    Node literal(String path, int from, int to) {
      if (keys == null) {
        return null;
      }
      int hash = 0;
      for (int i = from; i < to; i++) {
        hash = 31 * hash + path.charAt(i);
      }
      int length = to - from;
      for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
        String key = keys[slot];
        if (key.length() == length && path.startsWith(key, from)) {
          return children[slot];
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return "depth " + depth + ", routes " + Arrays.toString(routes);
    }
  }
}
