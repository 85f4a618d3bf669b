package dev.crossover.aws;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * Everything the operator reads from AWS, in one place: the cluster it runs in, accelerator facts,
 * live prices and Bedrock model facts. Disabled (no AWS calls at all) unless crossover.aws.enabled;
 * then reconcilers get the spec, the embedded catalogs and conditions that say so.
 *
 * <p>Calls run on two small daemon pools, never on a reconciler thread for longer than
 * crossover.aws.reconcile-wait; answers are cached (FactCache) and prices refreshed on a schedule.
 * One instance serves the whole process ({@link #shared()}); tests build their own against a local
 * double and install it for the reconcilers they start.
 */
public final class AwsFacts implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AwsFacts.class);
  private static final Object LOCK = new Object();
  private static volatile AwsFacts shared;

  private final AwsSettings settings;
  private final Optional<AwsClients> clients;
  private final ClusterDiscovery cluster;
  private final InstanceTypeFacts instanceTypes;
  private final PriceRefresher prices;
  private final BedrockFacts bedrock;
  private final Optional<ExecutorService> lookups;
  private final Optional<ScheduledExecutorService> scheduler;

  private AwsFacts(AwsSettings settings, Optional<AwsClients> clients, ClusterDiscovery cluster,
      InstanceTypeFacts instanceTypes, PriceRefresher prices, BedrockFacts bedrock, Optional<ExecutorService> lookups,
      Optional<ScheduledExecutorService> scheduler) {
    this.settings = settings;
    this.clients = clients;
    this.cluster = cluster;
    this.instanceTypes = instanceTypes;
    this.prices = prices;
    this.bedrock = bedrock;
    this.lookups = lookups;
    this.scheduler = scheduler;
  }

  /** No AWS: the spec and the embedded catalogs. */
  public static AwsFacts disabled(AwsSettings settings) {
    return new AwsFacts(settings, Optional.empty(), ClusterDiscovery.off(settings.clusterName()), InstanceTypeFacts.off(),
        PriceRefresher.off(), BedrockFacts.off(), Optional.empty(), Optional.empty());
  }

  /** Facts from AWS with these credentials; starts the price schedule. */
  public static AwsFacts start(AwsSettings settings, AwsCredentialsProvider credentials, Clock clock) {
    if (!settings.enabled()) {
      return disabled(settings);
    }
    AwsClients clients = new AwsClients(settings, credentials);
    ExecutorService lookups = Executors.newFixedThreadPool(2, daemon("crossover-aws-lookup"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("crossover-aws-prices"));
    String region = clients.region().id();
    Map<String, BedrockClient> bedrockByRegion = new ConcurrentHashMap<>();
    BedrockFacts bedrock = BedrockFacts.using(r -> r == null || r.equals(region) ? clients.bedrock()
        : bedrockByRegion.computeIfAbsent(r, x -> clients.bedrockIn(Region.of(x))), settings, lookups, clock);
    PriceRefresher prices = new PriceRefresher(Optional.of(clients.pricing()), Optional.of(clients.ec2()),
        modelId -> BedrockFacts.foundationModelId(modelId)
            .flatMap(id -> bedrock.foundationModels(region).known().map(m -> m.get(id)))
            .map(BedrockFacts.FoundationModel::modelName),
        region, clock, scheduler);
    AwsFacts facts = new AwsFacts(settings, Optional.of(clients),
        ClusterDiscovery.using(clients.eks(), settings, lookups, clock),
        InstanceTypeFacts.using(clients.ec2(), settings, lookups, clock),
        prices, bedrock, Optional.of(lookups), Optional.of(scheduler));
    prices.start(settings.priceRefreshInterval());
    LOG.infof("AWS facts on: region %s, cluster %s, prices every %s", region,
        settings.clusterName().orElse("(none: not on EKS)"), settings.priceRefreshInterval());
    return facts;
  }

  /** The process-wide instance, from configuration on first use. */
  public static AwsFacts shared() {
    AwsFacts current = shared;
    if (current == null) {
      synchronized (LOCK) {
        if (shared == null) {
          AwsSettings settings = AwsSettings.fromConfig();
          shared = settings.enabled()
              ? start(settings, DefaultCredentialsProvider.builder().build(), Clock.systemUTC())
              : disabled(settings);
        }
        current = shared;
      }
    }
    return current;
  }

  /**
   * Makes {@code facts} the process-wide instance until the returned handle is closed, which puts
   * the previous one back (tests that start reconcilers against a local AWS double).
   */
  public static AutoCloseable installShared(AwsFacts facts) {
    AwsFacts previous;
    synchronized (LOCK) {
      previous = shared;
      shared = facts;
    }
    return () -> {
      synchronized (LOCK) {
        shared = previous;
      }
    };
  }

  public boolean enabled() {
    return clients.isPresent();
  }

  public AwsSettings settings() {
    return settings;
  }

  /** The region AWS facts are read in, when enabled. */
  public Optional<String> region() {
    return clients.map(c -> c.region().id());
  }

  public ClusterDiscovery cluster() {
    return cluster;
  }

  public InstanceTypeFacts instanceTypes() {
    return instanceTypes;
  }

  public PriceRefresher prices() {
    return prices;
  }

  public BedrockFacts bedrock() {
    return bedrock;
  }

  @Override
  public void close() {
    scheduler.ifPresent(ExecutorService::shutdownNow);
    lookups.ifPresent(ExecutorService::shutdownNow);
    clients.ifPresent(AwsClients::close);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
