package se.lagesbild.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse held for writing by another process: a clear error, and the file is not touched. */
class WarehouseLockTest {
    @TempDir
    Path folder;

    @Test
    void aWarehouseInUseByAnotherProcessIsNamedWithThatProcess() throws Exception {
        Path file = TestWarehouses.migrated(folder);
        byte[] before = Files.readAllBytes(file);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("holding"), "the child holds the lock: " + line);

            WarehouseException writing = assertThrows(WarehouseException.class, () -> Warehouse.openForWriting(file));
            assertTrue(writing.getMessage().contains("is in use by another process (PID " + holder.pid()), writing.getMessage());
            assertTrue(writing.getMessage().contains(file.toString()), writing.getMessage());
            WarehouseException reading = assertThrows(WarehouseException.class, () -> Warehouse.openReadOnly(file));
            assertTrue(reading.getMessage().contains("in use by another process"), reading.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, holder.exitValue());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused opens changed nothing");
    }
}
