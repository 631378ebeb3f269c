/** The programs the workers run as isolated jobs; see {@code JobMain}. */
package io.atoll.cell.jobs;
