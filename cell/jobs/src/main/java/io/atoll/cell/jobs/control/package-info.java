/** Jobs that do nothing useful on purpose, for the workers' pipeline benchmarks and fault tests. */
package io.atoll.cell.jobs.control;
