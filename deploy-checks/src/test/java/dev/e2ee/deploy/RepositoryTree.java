package dev.e2ee.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The repository's own files: the working tree without build output, git data and git-ignored local folders. */
final class RepositoryTree {

    /** Folders that are never part of the repository (see .gitignore). */
    private static final Set<String> SKIPPED =
            Set.of(".git", "target", ".local", "dev-keys", ".jazzer", "node_modules", ".idea", ".vscode");

    private RepositoryTree() {}

    /** Every file under the repository root, as a path relative to it with '/' separators, sorted. */
    static List<String> files() {
        Path root = RepositoryFiles.root();
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String relative = relative(root, dir);
                    return SKIPPED.contains(dir.getFileName().toString()) || relative.equals("bench/results")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(relative(root, file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /** The file's text, or empty for a file that is not UTF-8 text (binary resources). */
    static Optional<String> text(String relative) {
        try {
            byte[] bytes = Files.readAllBytes(RepositoryFiles.path(relative));
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
