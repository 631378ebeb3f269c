package io.atoll.cell.auth;

import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.EchoUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** Tests against one auth cell, shared by the class, whose app is an {@link EchoUpstream}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EchoAppCellTest {
    protected EchoUpstream upstream;
    protected AuthCell cell;

    @BeforeAll
    void startCell() {
        upstream = new EchoUpstream();
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of("atoll.auth.upstream-url", upstream.url().toString()));
    }

    @AfterAll
    void stopCell() {
        cell.close();
        upstream.close();
    }
}
