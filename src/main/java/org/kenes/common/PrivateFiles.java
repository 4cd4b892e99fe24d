package org.kenes.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Files only the account running Kenes may read: the data folder (0700) and what Kenes writes there or as a backup
 * (0600). Its answers, tokens and the store's secret are nobody else's business on a shared machine. On a file system
 * without POSIX permissions the files keep what it gives them.
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates a folder (and its parents) owner-only, or makes an existing one so. */
  public static Path folder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      restrict(folder, FOLDER);
      return folder;
    }
    if (folder.getParent() != null) {
      Files.createDirectories(folder.toAbsolutePath().getParent());
    }
    try {
      return Files.createDirectory(folder, attribute(FOLDER));
    } catch (UnsupportedOperationException e) {
      return Files.createDirectory(folder);
    }
  }

  /** Makes an existing file owner-only; nothing when it does not exist. */
  public static void restrict(Path file) throws IOException {
    if (Files.exists(file)) {
      restrict(file, Files.isDirectory(file) ? FOLDER : FILE);
    }
  }

  /** Writes a text file that is owner-only before anything is written into it. */
  public static void write(Path file, String text) throws IOException {
    write(file, List.of(text));
  }

  /** Writes lines (each ended by a newline) into a file that is owner-only before anything is written into it. */
  public static void write(Path file, List<String> lines) throws IOException {
    restrict(file);
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    var channel = supportsPosix(file) ? Files.newByteChannel(file, options, attribute(FILE))
        : Files.newByteChannel(file, options);
    try (OutputStream out = Channels.newOutputStream(channel)) {
      for (String line : lines) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the permissions it has
    }
  }

  private static boolean supportsPosix(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null && parent.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
    return PosixFilePermissions.asFileAttribute(permissions);
  }
}
