package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.member.Member;
import io.atoll.cell.storage.domain.member.MemberStatus;
import io.atoll.cell.storage.domain.member.MemberStore;
import io.atoll.cell.storage.domain.member.PostalAddress;
import io.atoll.cell.storage.domain.member.Tier;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcMemberStore implements MemberStore {
    private final Sql sql;
    private final OutboxWriter outbox;

    JdbcMemberStore(Sql sql, OutboxWriter outbox) {
        this.sql = requireNonNull(sql, "sql is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
    }

    @Override
    @ReadOnly
    public Optional<Member> find(String id) {
        return sql.one("SELECT * FROM members WHERE id = ?", JdbcMemberStore::member, id);
    }

    @Override
    @Transactional
    public boolean addIfAbsent(Member member, CellEvent joined) {
        int added = sql.update("""
                INSERT INTO members (id, home_cell, email, name, postal_line1, postal_line2, postal_city, postal_code,
                                     postal_country, tier, status, joined_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                member.id(), member.homeCell(), member.email(), member.name(),
                member.postalAddress().map(PostalAddress::line1), member.postalAddress().flatMap(PostalAddress::line2),
                member.postalAddress().map(PostalAddress::city), member.postalAddress().map(PostalAddress::postalCode),
                member.postalAddress().map(PostalAddress::country), member.tier().code(), member.status().code(),
                member.joinedAt(), member.updatedAt());
        if (added == 0) {
            return false;
        }
        recordMembership(member);
        outbox.append(joined);
        return true;
    }

    @Override
    @Transactional
    public void update(Member member, boolean membershipChanged) {
        sql.update("""
                UPDATE members SET email = ?, name = ?, postal_line1 = ?, postal_line2 = ?, postal_city = ?, postal_code = ?,
                                   postal_country = ?, tier = ?, status = ?, updated_at = ?
                WHERE id = ?""",
                member.email(), member.name(), member.postalAddress().map(PostalAddress::line1),
                member.postalAddress().flatMap(PostalAddress::line2), member.postalAddress().map(PostalAddress::city),
                member.postalAddress().map(PostalAddress::postalCode), member.postalAddress().map(PostalAddress::country),
                member.tier().code(), member.status().code(), member.updatedAt(), member.id());
        if (membershipChanged) {
            recordMembership(member);
        }
    }

    private void recordMembership(Member member) {
        sql.update("INSERT INTO membership_history (member_id, tier, status, changed_at) VALUES (?, ?, ?, ?)",
                member.id(), member.tier().code(), member.status().code(), member.updatedAt());
    }

    private static Member member(ResultSet row) throws SQLException {
        Optional<PostalAddress> address = row.getString("postal_line1") == null ? Optional.empty() : Optional.of(new PostalAddress(
                row.getString("postal_line1"), Sql.optional(row, "postal_line2"), row.getString("postal_city"),
                row.getString("postal_code"), row.getString("postal_country")));
        return new Member(row.getString("id"), row.getString("home_cell"), Sql.optional(row, "email"), Sql.optional(row, "name"),
                address, Tier.ofCode(row.getString("tier")), MemberStatus.ofCode(row.getString("status")),
                Sql.instant(row, "joined_at"), Sql.instant(row, "updated_at"));
    }
}
