package dev.e2ee.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The objects of one kustomize overlay, rendered with {@code kubectl kustomize} when kubectl is on the
 * PATH; otherwise the YAML files of the base and the overlay are parsed as they are (patches and image
 * overrides not applied), which the tests that need them detect through {@link #kustomized()}.
 */
record RenderedOverlay(String name, List<HasMetadata> objects, boolean kustomized) {

    static RenderedOverlay of(String overlay) {
        return of(overlay, RepositoryFiles.path("k8s/overlays/" + overlay));
    }

    /** Any kustomization directory (k8s/base, or a temporary one adding a component); requires kubectl. */
    static RenderedOverlay kustomized(String name, Path dir) {
        String rendered = kubectlKustomize(dir)
                .orElseThrow(() -> new org.opentest4j.TestAbortedException("kubectl not found: cannot render " + dir));
        return new RenderedOverlay(name, StrictKubernetesModel.typedAll(rendered), true);
    }

    /**
     * {@code k8s/overlays/<overlay>} with the opt-in {@code k8s/components/<component>} added, rendered from a
     * kustomization written into {@code dir} (a temporary directory); requires kubectl.
     */
    static RenderedOverlay withComponent(String overlay, String component, Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        String kustomization =
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: e2ee
                resources:
                  - %s
                components:
                  - %s
                """.formatted(relative(root, "k8s/overlays/" + overlay), relative(root, "k8s/components/" + component));
        try {
            Files.writeString(root.resolve("kustomization.yaml"), kustomization, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kustomized(overlay + "+" + component, root);
    }

    /** kustomize refuses absolute paths: the repository path relative to {@code from}. */
    private static String relative(Path from, String repositoryPath) {
        return from.relativize(
                        RepositoryFiles.path(repositoryPath).toAbsolutePath().normalize())
                .toString();
    }

    private static RenderedOverlay of(String overlay, Path dir) {
        Optional<String> rendered = kubectlKustomize(dir);
        if (rendered.isPresent()) {
            return new RenderedOverlay(overlay, StrictKubernetesModel.typedAll(rendered.get()), true);
        }
        System.err.println("deploy-checks: kubectl not found; parsing the k8s/ files of overlay " + overlay
                + " without kustomize (patches and image overrides are not applied)");
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : resourceFiles(dir)) {
            objects.addAll(StrictKubernetesModel.typedAll(readString(file)));
        }
        return new RenderedOverlay(overlay, objects, false);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String objectName) {
        return all(type).stream()
                .filter(o -> objectName.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + type.getSimpleName() + " named " + objectName));
    }

    private static Optional<String> kubectlKustomize(Path dir) {
        // -Ddeploy-checks.kubectl=<path> picks another kubectl; a missing one exercises the fallback.
        String kubectl = System.getProperty("deploy-checks.kubectl", "kubectl");
        ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", dir.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed with exit code " + process.exitValue());
            }
            return Optional.of(out);
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Fallback: every *.yaml of k8s/base and of the overlay, except the kustomizations and patches. */
    private static List<Path> resourceFiles(Path overlayDir) {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(RepositoryFiles.path("k8s/base"), overlayDir)) {
            try (Stream<Path> stream = Files.list(dir)) {
                stream.filter(p -> p.toString().endsWith(".yaml"))
                        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                        .filter(p -> dir.equals(RepositoryFiles.path("k8s/base")) || !isPatch(p))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static boolean isPatch(Path file) {
        String overlayKustomization = readString(file.resolveSibling("kustomization.yaml"));
        return overlayKustomization.contains("path: " + file.getFileName());
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
