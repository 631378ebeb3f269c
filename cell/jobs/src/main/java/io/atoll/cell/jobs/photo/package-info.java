/**
 * Jobs on members' photos (JPEG, PNG, WebP): metadata-free thumbnails, and an inspection with a difference hash
 * that finds near-duplicates.
 */
package io.atoll.cell.jobs.photo;
