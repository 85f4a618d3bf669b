package dev.crossover.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real kube-apiserver with its etcd, built from the Kubernetes Go modules by
 * e2e/scripts/build-kube.sh and started through fabric8 kube-api-test in offline mode. One
 * server serves every test class of a test run; it is stopped when the run ends (JUnit closes
 * the root store), and by a shutdown hook if the JVM is told to exit first.
 *
 * <p>Use {@code @ExtendWith(LocalApiServer.class)} and take a {@link KubernetesClient} or
 * {@link LocalApiServer.Handle} as a test-method or lifecycle-method parameter.
 */
public final class LocalApiServer implements BeforeAllCallback, ParameterResolver {

  /** A running server: its kubeconfig and a client for it. */
  public record Handle(KubeAPIServer server, String kubeConfigYaml, KubernetesClient client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
      server.stop();
    }
  }

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalApiServer.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    handle(context);
  }

  public static Handle handle(ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> start(), Handle.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class || type == Handle.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Handle handle = handle(extension);
    return parameter.getParameter().getType() == Handle.class ? handle : handle.client();
  }

  public static Path binaryDir() {
    String dir = System.getenv("KUBE_API_TEST_DIR");
    Path base = dir != null && !dir.isBlank() ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), ".cache", "crossover", "kube-api-test");
    return base.resolve("k8s").resolve(version() + "-linux-amd64");
  }

  public static String version() {
    return System.getProperty("crossover.kube.version", "1.34.4");
  }

  private static Handle start() {
    Path bin = binaryDir();
    for (String name : new String[] {"kube-apiserver", "etcd"}) {
      if (!Files.isExecutable(bin.resolve(name))) {
        throw new IllegalStateException(name + " " + version() + " not found in " + bin
            + ": run e2e/scripts/build-kube.sh (make test does) to build it from the Kubernetes Go modules");
      }
    }
    KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withTestDir(bin.getParent().getParent().toString())
        .withApiServerVersion(version())
        .withOfflineMode(true)
        .withUpdateKubeConfig(false)
        .withStartupTimeout(120_000)
        .build());
    server.start();
    String kubeConfig = server.getKubeConfigYaml();
    KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfig)).build();
    Handle handle = new Handle(server, kubeConfig, client);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-kube-apiserver"));
    return handle;
  }
}
