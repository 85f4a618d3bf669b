package dev.crossover.aws;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * AWS answers kept for a while, so reconciles do not call AWS each time and never wait on it for
 * long. A look-up runs on the AWS executor; the caller waits at most {@code reconcileWait} and
 * otherwise gets the last good answer or {@link Fetched.Pending}. Answers live for {@code factsTtl},
 * failures for the shorter {@code failureTtl} (so a permission granted later is noticed, and a
 * denied call is not repeated on every reconcile).
 */
public final class FactCache<K, V> {

  private final String action;
  private final AsyncLoadingCache<K, Fetched<V>> cache;
  private final Map<K, Fetched.Ok<V>> lastGood = new ConcurrentHashMap<>();
  private final Duration wait;

  public FactCache(String action, Function<K, V> loader, AwsSettings settings, Executor executor, Clock clock) {
    this.action = action;
    this.wait = settings.reconcileWait();
    long okNanos = settings.factsTtl().toNanos();
    long failedNanos = settings.failureTtl().toNanos();
    this.cache = Caffeine.newBuilder()
        .executor(executor)
        .maximumSize(10_000)
        .expireAfter(new Expiry<K, Fetched<V>>() {
          @Override
          public long expireAfterCreate(K key, Fetched<V> value, long now) {
            return value instanceof Fetched.Ok<V> ? okNanos : failedNanos;
          }

          @Override
          public long expireAfterUpdate(K key, Fetched<V> value, long now, long current) {
            return expireAfterCreate(key, value, now);
          }

          @Override
          public long expireAfterRead(K key, Fetched<V> value, long now, long current) {
            return current;
          }
        })
        .buildAsync(key -> {
          Fetched<V> result;
          try {
            result = new Fetched.Ok<>(loader.apply(key), clock.instant());
          } catch (RuntimeException e) {
            result = new Fetched.Failed<>(AwsProblem.of(action, e));
          }
          if (result instanceof Fetched.Ok<V> ok) {
            lastGood.put(key, ok);
          }
          return result;
        });
  }

  /** The cached answer, or the fresh one if it comes within the wait; never blocks longer. */
  public Fetched<V> get(K key) {
    CompletableFuture<Fetched<V>> future = cache.get(key);
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Fetched.Ok<V> previous = lastGood.get(key);
      return previous != null ? previous : new Fetched.Pending<>(action);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Fetched.Pending<>(action);
    } catch (ExecutionException e) {
      return new Fetched.Failed<>(AwsProblem.of(action, e.getCause()));
    }
  }

  /** Forgets every answer (tests, and a settings change). */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }
}
