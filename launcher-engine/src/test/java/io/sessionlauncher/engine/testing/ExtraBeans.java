package io.sessionlauncher.engine.testing;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CDI extension offering objects a test made as beans, each an alternative that wins over the
 * engine's own bean of the same type (a test clock over the system clock, say), or as an extra bean
 * (a plugin).
 */
public final class ExtraBeans implements Extension {
  private record Extra(Object instance, Type type, boolean alternative) {}

  private record Observer<T>(Class<T> type, Consumer<T> consumer) {}

  private final List<Extra> extras = new ArrayList<>();
  private final List<Observer<?>> observers = new ArrayList<>();

  /** Offers {@code instance} as the bean of {@code type}, replacing the engine's. */
  public ExtraBeans replace(Type type, Object instance) {
    extras.add(new Extra(instance, type, true));
    return this;
  }

  /** Offers {@code instance} as one more bean of {@code type}. */
  public ExtraBeans add(Type type, Object instance) {
    extras.add(new Extra(instance, type, false));
    return this;
  }

  /** Passes every event of {@code type} the engine fires to {@code consumer}, synchronously. */
  public <T> ExtraBeans observe(Class<T> type, Consumer<T> consumer) {
    observers.add(new Observer<>(type, consumer));
    return this;
  }

  void addBeans(@Observes AfterBeanDiscovery event) {
    for (Observer<?> observer : observers) {
      addObserver(event, observer);
    }
    for (Extra extra : extras) {
      var bean =
          event
              .addBean()
              .beanClass(ExtraBeans.class)
              .types(extra.type(), Object.class)
              .scope(Singleton.class)
              .createWith(context -> extra.instance());
      if (extra.alternative()) {
        bean.alternative(true).priority(1000);
      }
    }
  }

  private static <T> void addObserver(AfterBeanDiscovery event, Observer<T> observer) {
    event
        .<T>addObserverMethod()
        .beanClass(ExtraBeans.class)
        .observedType(observer.type())
        .notifyWith(context -> observer.consumer().accept(context.getEvent()));
  }
}
