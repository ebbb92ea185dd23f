package io.jcors.spring.boot;

import io.jcors.CorsListener;
import io.jcors.CorsPolicy;
import io.jcors.CorsRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every {@link CorsPolicy} bean (the starter's, or the application's own) the application's
 * {@link CorsListener} beans, the Micrometer counters among them: the policy the filter applies is
 * {@code policy.withListener(...)}. Without a listener bean the policy is left as it is. A listener
 * given in code with {@code withListener} is replaced: declare it as a bean instead.
 */
final class ListenedPolicies implements BeanPostProcessor {
  private final ObjectProvider<CorsListener> listeners;

  ListenedPolicies(ObjectProvider<CorsListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof CorsPolicy policy)) {
      return bean;
    }
    List<CorsListener> all = listeners.orderedStream().toList();
    if (all.isEmpty()) {
      return bean;
    }
    return policy.withListener(all.size() == 1 ? all.get(0) : new Each(all));
  }

  /** Several listeners, told in order. */
  private static final class Each implements CorsListener {
    private final CorsListener[] listeners;

    Each(List<CorsListener> listeners) {
      this.listeners = listeners.toArray(new CorsListener[0]);
    }

    @Override
    public void allowed(String route, CorsRequest request) {
      for (CorsListener listener : listeners) {
        listener.allowed(route, request);
      }
    }

    @Override
    public void preflight(String route, CorsRequest request) {
      for (CorsListener listener : listeners) {
        listener.preflight(route, request);
      }
    }

    @Override
    public void refused(String route, Refusal reason, CorsRequest request) {
      for (CorsListener listener : listeners) {
        listener.refused(route, reason, request);
      }
    }
  }
}
