/**
 * Jobs on a git repository at one commit, read straight from its object database (no checkout): the plan (one
 * scan per top-level folder) and each folder's scan (files, lines, languages, committed secrets).
 */
package io.atoll.cell.jobs.repository;
