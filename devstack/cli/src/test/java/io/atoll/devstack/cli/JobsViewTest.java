package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage's job requests as `atoll jobs` prints them, from answers in the shape of storage's API. */
class JobsViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageOfRequestsIsATableNewestFirstWithTimesToTheSecond() throws IOException {
        List<String> lines = JobsView.list(recorded("job-requests-page.json")).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).containsPattern("^REQUEST\\s+KIND\\s+STATUS\\s+CREATED\\s+COMPLETED\\s+SUBJECT$");
        assertThat(lines.get(1)).containsPattern("^6f1c2a9e-4b7d-4e0a-9c3b-2d8e5f7a1b04\\s+repository-scan\\s+planned\\s+2025-03-04T10:15:30Z\\s+-\\s+"
                + "/work/main@3c5e0d1f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d$");
        assertThat(lines.get(2)).containsPattern("^0b7e3d12-8a4f-4c6e-b1d9-5e2f7a9c3b81\\s+photo\\s+succeeded\\s+2025-03-04T09:00:00Z\\s+"
                + "2025-03-04T09:00:04Z\\s+1d2c3b4a-");
    }

    @Test
    void aRequestShowsItsSummaryItsJobsWithTheEndOfTheStderrOfThoseThatFailedAndItsNotifications() throws IOException {
        String text = JobsView.request(recorded("job-request-partial.json"));

        assertThat(text).containsPattern("(?m)^request\\s+6f1c2a9e-4b7d-4e0a-9c3b-2d8e5f7a1b04$")
                .containsPattern("(?m)^status\\s+partial$")
                .containsPattern("(?m)^member\\s+-$")
                .containsPattern("(?m)^completed\\s+2025-03-04T10:16:02Z$")
                // JSON too long for its line follows it, indented.
                .containsPattern("(?m)^spec\\n  \\{\\n    \"repository\" : \"/work/main\",")
                .containsPattern("(?m)^summary\\n  \\{\\n    \"directories\" : 2,")
                .contains("jobs: 2\n")
                .containsPattern("(?m)^a1b2c3d4-0000-4000-8000-000000000001\\s+repository-scan\\s+succeeded\\s+1\\s+0\\s+300s\\s+"
                        + "2025-03-04T10:15:32Z\\s+2025-03-04T10:15:40Z$")
                .containsPattern("(?m)^e5f6a7b8-0000-4000-8000-000000000002\\s+repository-scan\\s+timed_out\\s+3\\s+-\\s+5s\\s+")
                .contains("stderr of repository-scan edge e5f6a7b8 (last 5 lines):\n  line 3\n  line 4\n  line 5\n  line 6\n  killed after 5 s\n")
                .doesNotContain("scanned 412 files")
                .contains("notifications: 1\n")
                .containsPattern("(?m)^c0ffee00-0000-4000-8000-000000000003\\s+github-status\\s+failed\\s+5\\s+2025-03-04T10:16:30Z\\s+"
                        + "atoll-dev/atoll@3c5e0d1f\\s+401 Bad credentials from api.github.com$");
    }

    @Test
    void aRequestNotYetPlannedSaysSo() throws IOException {
        String text = JobsView.request(recorded("job-request-requested.json"));

        assertThat(text).containsPattern("(?m)^spec\\s+\\{\"repository\":\"/work/main\",\"commit\":\"3c5e0d1f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d\"}$")
                .containsPattern("(?m)^summary\\s+-$").contains("jobs: 0 (not planned yet)\n").contains("notifications: 0\n")
                .doesNotContain("JOB ");
    }

    @Test
    void followingARequestPrintsALinePerChangeOfItsJobsAndNotifications() throws IOException {
        JsonNode requested = recorded("job-request-requested.json");
        ObjectNode planned = recorded("job-request-partial.json").deepCopy();
        planned.put("status", "planned").putNull("completedAt").putNull("summary");
        planned.set("notifications", JSON.createArrayNode());
        for (JsonNode job : planned.path("jobs")) {
            ((ObjectNode) job).put("status", "pending").put("attempts", 0).putNull("exitCode");
        }
        ObjectNode running = planned.deepCopy();
        job(running, 0).put("status", "running").put("attempts", 1);
        ObjectNode retrying = running.deepCopy();
        job(retrying, 1).put("status", "pending").put("attempts", 1).put("exitCode", 1);
        JsonNode completed = recorded("job-request-partial.json");

        assertThat(JobsView.changes(null, requested)).containsExactly("request requested");
        assertThat(JobsView.changes(requested, planned)).containsExactly("request planned: 2 jobs",
                "job repository-scan cell a1b2c3d4: pending", "job repository-scan edge e5f6a7b8: pending");
        assertThat(JobsView.changes(planned, running)).containsExactly("job repository-scan cell a1b2c3d4: running (attempt 1)");
        assertThat(JobsView.changes(running, running)).isEmpty();
        assertThat(JobsView.changes(running, retrying)).containsExactly("job repository-scan edge e5f6a7b8: pending again after attempt 1 exited 1");
        assertThat(JobsView.changes(retrying, completed)).containsExactly("request partial",
                "job repository-scan cell a1b2c3d4: succeeded (exit code 0)", "job repository-scan edge e5f6a7b8: timed_out after 3 attempts",
                "notification github-status atoll-dev/atoll@3c5e0d1f: failed (attempt 5): 401 Bad credentials from api.github.com");
        assertThat(JobsView.COMPLETED).contains(completed.path("status").asText()).doesNotContain(planned.path("status").asText());
    }

    @Test
    void timesAreShownToTheSecondAndAnythingElseAsItCame() {
        assertThat(JobsView.time(JSON.getNodeFactory().textNode("2025-03-04T10:15:30.999+02:00"))).isEqualTo("2025-03-04T08:15:30Z");
        assertThat(JobsView.time(JSON.getNodeFactory().textNode("yesterday"))).isEqualTo("yesterday");
        assertThat(JobsView.time(JSON.getNodeFactory().nullNode())).isEqualTo("-");
    }

    private static ObjectNode job(ObjectNode request, int index) {
        return (ObjectNode) ((ArrayNode) request.path("jobs")).get(index);
    }

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = JobsViewTest.class.getResourceAsStream("/storage/" + name)) {
            return JSON.readTree(in);
        }
    }
}
