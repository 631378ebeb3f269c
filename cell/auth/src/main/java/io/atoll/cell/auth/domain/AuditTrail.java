package io.atoll.cell.auth.domain;

import java.util.UUID;

/** Where auth events are recorded, inside the caller's transaction so that an event stands or falls with its change. */
public interface AuditTrail {
    /**
     * @param accountId the account concerned, when known
     * @param principal the name it signed in with, or the cell for key events
     * @param clientAddress where the request came from, when it came from a client
     * @param detail what else is worth knowing, if anything
     */
    void record(AuditEventType type, UUID accountId, String principal, String clientAddress, String detail);
}
