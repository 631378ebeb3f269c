package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.AuditEventType;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditEventRepository extends CrudRepository<AuditEvent, Long> {
    List<AuditEvent> findByPrincipalOrderById(String principal);

    List<AuditEvent> findByTypeOrderById(AuditEventType type);
}
