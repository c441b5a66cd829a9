package org.criticalminerals.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionLogCutTest {

    @TempDir
    Path home;

    @Test
    void aRecordedCutTruncatesItsLogFileAndDeletesTheLaterOnes() throws Exception {
        Path transactions = Files.createDirectories(home.resolve("data/transactions/neo4j"));
        Path current = Files.write(transactions.resolve("neostore.transaction.db.3"), new byte[1000]);
        Path earlier = Files.write(transactions.resolve("neostore.transaction.db.2"), new byte[700]);
        Path later = Files.write(transactions.resolve("neostore.transaction.db.4"), new byte[50]);
        Path checkpoint = Files.write(transactions.resolve("checkpoint.9"), new byte[360]);
        TransactionLogCut cut = new TransactionLogCut(home);
        cut.reset();
        assertThat(Files.size(home.resolve(TransactionLogCut.FILE_NAME))).as("written full-size up front").isEqualTo(4096);
        assertThat(cut.recorded()).isEmpty();

        cut.record(current, 640);
        assertThat(Files.size(home.resolve(TransactionLogCut.FILE_NAME))).as("overwritten in place").isEqualTo(4096);
        TransactionLogCut.Cut recorded = cut.recorded().orElseThrow();
        assertThat(recorded).isEqualTo(new TransactionLogCut.Cut(current.toAbsolutePath(), 640));

        assertThat(cut.apply(recorded)).isEqualTo(360 + 50);
        assertThat(Files.size(current)).isEqualTo(640);
        assertThat(later).doesNotExist();
        assertThat(Files.size(earlier)).isEqualTo(700);
        assertThat(Files.size(checkpoint)).as("another kind of log").isEqualTo(360);

        assertThat(cut.apply(recorded)).as("a second cut at the same place changes nothing").isZero();
        cut.reset();
        assertThat(cut.recorded()).isEmpty();
    }

    @Test
    void aFileThatDoesNotReadAsACutIsIgnored() throws Exception {
        Files.writeString(home.resolve(TransactionLogCut.FILE_NAME), "not a number\n/x\n", StandardCharsets.UTF_8);
        assertThat(new TransactionLogCut(home).recorded()).isEmpty();
        assertThat(new TransactionLogCut(home.resolve("absent")).recorded()).isEmpty();
    }
}
