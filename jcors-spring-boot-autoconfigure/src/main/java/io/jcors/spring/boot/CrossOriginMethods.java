package io.jcors.spring.boot;

import java.util.Collection;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.method.HandlerMethod;

/**
 * {@code @CrossOrigin} on controller methods, as Spring MVC's and WebFlux's handler mappings both
 * give them ({@link HandlerMethod}, of spring-web, which both have).
 */
final class CrossOriginMethods {
  private CrossOriginMethods() {}

  /**
   * Adds {@code @CrossOrigin on Type.method} to {@code found} for each of {@code methods} that has
   * the annotation, or whose class has it.
   */
  static void addTo(List<String> found, Collection<HandlerMethod> methods) {
    for (HandlerMethod method : methods) {
      if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), CrossOrigin.class)
          || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), CrossOrigin.class)) {
        found.add(
            "@CrossOrigin on "
                + method.getBeanType().getSimpleName()
                + "."
                + method.getMethod().getName());
      }
    }
  }
}
