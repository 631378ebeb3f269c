package io.atoll.devstack.cli;

import picocli.CommandLine.Option;

/** The cell an operator's command acts on, by its region. */
final class CellOption {
    @Option(names = "--cell", required = true, paramLabel = "REGION", description = "The cell to act on, by its region, e.g. eu-west-1.")
    String region;
}
