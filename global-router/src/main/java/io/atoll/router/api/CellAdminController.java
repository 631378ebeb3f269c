package io.atoll.router.api;

import io.atoll.cell.contracts.AccessTokenClaims;
import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellState;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.domain.OperatorDrains;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' API: the cells with their health and traffic, and drain/undrain. A drained cell gets no
 * traffic at all while another cell can take it — new members, its own members and retries go elsewhere from
 * the next request on — and undrain brings its members back. Drains are kept per router process, apart from
 * the registry file, so reloading the file keeps them.
 */
@Controller("/admin/cells")
@Secured(AccessTokenClaims.OPERATOR_SCOPE)
final class CellAdminController {
    private static final Logger LOG = LoggerFactory.getLogger(CellAdminController.class);

    private final CurrentRegistry registry;
    private final OperatorDrains drains;
    private final CellViews views;

    CellAdminController(CurrentRegistry registry, OperatorDrains drains, CellViews views) {
        this.registry = registry;
        this.drains = drains;
        this.views = views;
    }

    @Get
    CellsView cells() {
        return views.all();
    }

    @Post("/{id}/drain")
    CellView drain(@PathVariable String id, Authentication operator) {
        Cell cell = cell(id);
        drains.drain(cell.id());
        LOG.warn("Cell {} drained by {}", cell.id(), operator.getName());
        return views.view(cell);
    }

    @Post("/{id}/undrain")
    CellView undrain(@PathVariable String id, Authentication operator) {
        Cell cell = cell(id);
        if (cell.state() == CellState.DRAINING) {
            throw new ProblemException(HttpStatus.CONFLICT, "Draining in the registry",
                    "cell " + cell.id() + " is draining in the registry file; set its state to active there to bring it back");
        }
        drains.undrain(cell.id());
        LOG.warn("Cell {} undrained by {}", cell.id(), operator.getName());
        return views.view(cell);
    }

    private Cell cell(String id) {
        return registry.get().cell(id).orElseThrow(() ->
                new ProblemException(HttpStatus.NOT_FOUND, "Unknown cell", "the registry has no cell " + id));
    }
}
