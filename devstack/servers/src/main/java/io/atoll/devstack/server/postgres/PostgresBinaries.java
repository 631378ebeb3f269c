package io.atoll.devstack.server.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/** The PostgreSQL binaries that come from Maven Central (zonky's bundle), unpacked once into a folder. */
final class PostgresBinaries {
    private static final String UNPACKED_MARKER = ".unpacked";

    private PostgresBinaries() {
    }

    /**
     * Unpacks the bundle into {@code target} unless this very bundle is there already (the marker holds its digest, so
     * that other binaries on the classpath, such as a newer PostgreSQL, are unpacked again); returns the folder holding
     * {@code bin/}.
     */
    static Path unpack(Path target) throws IOException {
        Path marker = target.resolve(UNPACKED_MARKER);
        String digest = digestOfBundle();
        if (Files.exists(marker) && Files.readString(marker).strip().equals(digest)) {
            return target;
        }
        Files.createDirectories(target);
        try (InputStream bundle = bundle();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(bundle))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("PostgreSQL bundle entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        Files.writeString(marker, digest + "\n");
        return target;
    }

    private static InputStream bundle() throws IOException {
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"));
    }

    private static String digestOfBundle() throws IOException {
        try (DigestInputStream bundle = new DigestInputStream(bundle(), MessageDigest.getInstance("SHA-256"))) {
            bundle.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(bundle.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }
}
