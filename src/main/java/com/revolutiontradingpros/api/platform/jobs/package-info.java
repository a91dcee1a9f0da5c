/**
 * Background jobs on db-scheduler: every {@link com.github.kagkarlsson.scheduler.task.Task} bean of any module is
 * registered, recurring tasks are started, and each execution runs on exactly one node of the cluster.
 * Modules schedule one-off work through the {@link com.github.kagkarlsson.scheduler.SchedulerClient} bean.
 */
@NullMarked
package com.revolutiontradingpros.api.platform.jobs;

import org.jspecify.annotations.NullMarked;
