# Expected values for the survival tests (warehouse/src/test/resources/stats/survival/*.csv),
# computed once with R's relsurv and survival packages and kept as fixtures. Run from the project
# root (Debian: r-base-core, r-cran-relsurv, r-cran-survival, r-cran-popepi):
#   Rscript warehouse/src/test/r/survival-fixtures.R
# Every file's first line names R's and the packages' versions.
#
# Every estimate is at exactly 1, 3, 5 and 10 years (365.241 days each, relsurv's year):
#   Pohar Perme  rs.surv(method = "pohar-perme", add.times = TIMES) read at TIMES;
#   Ederer II    relsurv's own computation (exp.prep, as rs.surv calls it) on the same crude grid,
#                so that it too is carried to exactly t through the population hazard (rs.surv
#                itself adds the times only for Pohar Perme);
#   Kaplan-Meier survfit, read at TIMES (a step function: exact at any time);
#   period analysis and Brenner's weights, which rs.surv cannot take, by relsurv-reference.R,
#   checked here first against rs.surv and exp.prep (with ys = entry) to 1e-10.
# Data: relsurv's colrec with its Slovenian population table slopop, popEpi's sire with its
# Finnish popmort, and edge cohorts made from them. Patients with no follow-up (0 days) are left
# out before any estimator, as NORDCAN and strs do (rs.surv drops them too).
suppressPackageStartupMessages({ library(survival); library(relsurv); library(popEpi) })
out <- "warehouse/src/test/resources/stats/survival"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
version <- paste0("# computed with ", R.version.string, ", relsurv ", packageVersion("relsurv"),
                  ", survival ", packageVersion("survival"), ", popEpi ", packageVersion("popEpi"))
write_fixture <- function(df, name) {
  path <- file.path(out, name)
  writeLines(version, path)
  suppressWarnings(write.table(format(df, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
}
source("warehouse/src/test/r/relsurv-reference.R")
YEAR <- 365.241
TIMES <- c(1, 3, 5, 10) * YEAR

# ---- life tables as the life-tables format holds them: q by year x sex (1 men, 2 women) x age
slopop_q <- function(years = 1982:2020, ages = 0:103) {
  rows <- expand.grid(age = ages, sex = 1:2, year = years)
  sexname <- c("male", "female")
  rows$q <- mapply(function(a, s, y) 1 - exp(-slopop[as.character(a), as.character(y), sexname[s]] * YEAR), rows$age, rows$sex, rows$year)
  rows[, c("year", "sex", "age", "q")]
}
popmort_q <- function() {
  p <- as.data.frame(popmort)
  data.frame(year = p$year, sex = ifelse(p$sex == 0, 1L, 2L), age = p$agegroup, q = 1 - exp(-p$haz))
}
tables <- list(slopop = slopop_q(), slopop_to90 = slopop_q(ages = 0:90), popmort = popmort_q())
tables$slopop_to90 <- tables$slopop_to90[tables$slopop_to90$age <= 90, ]

# relsurv's rate table from the same q (transrate: hazard per day -log(1 - q)/365.241) ...
as_ratetable <- function(lt) {
  years <- sort(unique(lt$year)); ages <- sort(unique(lt$age))
  p <- function(s) sapply(years, function(y) { r <- lt[lt$sex == s & lt$year == y, ]; 1 - r$q[order(r$age)] })
  transrate(p(1), p(2), yearlim = range(years), int.length = 1)
}
# ... and the same hazard for the direct implementation (the cell holding age and date: the age
# cuts are k * 365.241 days, the years start on 1 January; outside the table the nearest cell)
as_hazard <- function(lt) {
  years <- sort(unique(lt$year)); ages <- sort(unique(lt$age))
  lam <- array(NA, c(length(ages), length(years), 2))
  lam[cbind(match(lt$age, ages), match(lt$year, years), lt$sex)] <- -log(1 - lt$q) / YEAR
  jan1 <- as.numeric(as.Date(paste0(years, "-01-01")))
  cuts <- (0:(length(ages) - 1)) * YEAR
  function(age_days, date_days, sex) {
    a <- pmax(1, findInterval(age_days, cuts))
    y <- pmax(1, findInterval(date_days, jan1))
    lam[cbind(a, y, sex)]
  }
}

# ---- cohorts: age_days, dx (days since 1970-01-01), sex (1 men, 2 women), time, status, entry
from_colrec <- function(rows) {
  data.frame(age_days = rows$age, dx = as.numeric(rows$diag) - 3653, sex = rows$sex, time = rows$time, status = rows$stat, entry = 0)
}
colrec_all <- from_colrec(colrec)
sire_all <- with(as.data.frame(sire), data.frame(age_days = as.numeric(dg_date - bi_date), dx = as.numeric(dg_date), sex = 2L,
                                                time = as.numeric(ex_date - dg_date), status = as.integer(status > 0), entry = 0))
set.seed(24)
nobody <- colrec_all[sample(nrow(colrec_all), 150), ]; nobody$status <- 0L
tied <- colrec_all[colrec$stat == 1, ][1:60, ]; tied$time <- pmax(1, round(tied$time / 200) * 200)
old <- colrec_all[colrec_all$age_days >= 85 * YEAR, ]
emigrated <- colrec_all[sample(nrow(colrec_all), 300), ]
moved <- sample(300, 40); emigrated$time[moved] <- pmax(1, floor(emigrated$time[moved] * runif(40)))
emigrated$status[moved] <- 0L
period_1998 <- local({
  start <- as.numeric(as.Date("1998-01-01")) - colrec_all$dx
  stop <- as.numeric(as.Date("1999-01-01")) - colrec_all$dx
  p <- colrec_all
  p$entry <- pmax(0, start)
  p$status <- as.integer(colrec_all$status == 1 & colrec_all$time <= stop)
  p$time <- pmin(colrec_all$time, stop)
  p[p$time > p$entry, ]
})
cohorts <- list(
  colrec = list(d = colrec_all, table = "slopop"),
  colrec_small = list(d = colrec_all[1:60, ], table = "slopop"),
  nobody_dies = list(d = nobody, table = "slopop"),
  tied_deaths = list(d = tied, table = "slopop"),
  past_last_age = list(d = old, table = "slopop_to90"),
  emigrated = list(d = emigrated, table = "slopop"),
  sire = list(d = sire_all, table = "popmort"),
  sire_small = list(d = sire_all[1:200, ], table = "popmort"),
  period_1998 = list(d = period_1998, table = "slopop")
)

patients <- NULL; expected <- NULL
for (name in names(cohorts)) {
  d <- cohorts[[name]]$d
  lt_name <- cohorts[[name]]$table
  patients <- rbind(patients, data.frame(dataset = name, table = lt_name, id = seq_len(nrow(d)), d))
  d <- d[d$time > d$entry, ]  # no follow-up at all: left out before any estimator (day 0)
  hazard <- as_hazard(tables[[lt_name]])
  ref <- relsurv_reference(d, entry = d$entry, add_times = TIMES, hazard = hazard)
  if (all(d$entry == 0)) {
    rt <- as_ratetable(tables[[lt_name]])
    d$date <- as.Date(d$dx, origin = "1970-01-01")
    fit <- rs.surv(Surv(time, status) ~ 1, data = d, ratetable = rt, method = "pohar-perme", conf.type = "log", add.times = TIMES,
                   rmap = list(age = age_days, sex = sex, year = date))
    s <- summary(fit, times = TIMES, extend = TRUE)
    stopifnot(max(abs(curve_at(ref, TIMES, "pp") - s$surv)) < 1e-10)
    # Ederer II on the same grid, by relsurv's own routine
    rf <- relsurv:::rformulate(Surv(time, status) ~ 1, d, rt, rmap = quote(list(age = age_days, sex = sex, year = date)))
    tis <- sort(unique(c(rf$Y, pmin(TIMES, max(rf$Y)))))
    tmp <- relsurv:::exp.prep(rf$R, rf$Y, rf$ratetable, rf$status, times = as.double(tis), fast = TRUE, prec = 1)
    e2 <- data.frame(time = tis, e2 = cumprod(1 - (tmp$dni - tmp$yidli) / tmp$yi))
    stopifnot(max(abs(curve_at(ref, TIMES, "e2") - curve_at(e2, TIMES, "e2"))) < 1e-10)
    pp <- data.frame(surv = s$surv, std_err = s$std.err / s$surv, lower = s$lower, upper = s$upper, n_risk = s$n.risk)
    km_fit <- survfit(Surv(time, status) ~ 1, data = d, conf.type = "log")
  } else {
    # delayed entry: relsurv's routine with ys = entry checks the direct implementation
    rt <- as_ratetable(tables[[lt_name]])
    d$date <- as.Date(d$dx, origin = "1970-01-01")
    rf <- relsurv:::rformulate(Surv(time, status) ~ 1, d, rt, rmap = quote(list(age = age_days, sex = sex, year = date)))
    tis <- sort(unique(c(rf$Y, pmin(TIMES, max(rf$Y)))))
    tmp <- relsurv:::exp.prep(rf$R, rf$Y, rf$ratetable, rf$status, times = as.double(tis), fast = TRUE, ys = as.double(d$entry), prec = 1)
    c_pp <- data.frame(time = tis, pp = cumprod(1 - (tmp$dnisi / tmp$yisi - tmp$yidlisiw)))

    stopifnot(max(abs(curve_at(ref, TIMES, "pp") - curve_at(c_pp, TIMES, "pp"))) < 1e-10)
    z <- qnorm(0.975)
    v <- curve_at(ref, TIMES, "pp"); se <- curve_at(ref, TIMES, "pp_se")
    at_risk <- sapply(TIMES, function(t) sum(d$entry < t & d$time >= t))  # survfit's count at t (0 past the last exit)
    pp <- data.frame(surv = v, std_err = se, lower = v * exp(-z * se), upper = v * exp(z * se), n_risk = at_risk)
    km_fit <- survfit(Surv(entry, time, status) ~ 1, data = d, conf.type = "log")
  }
  k <- summary(km_fit, times = TIMES, extend = TRUE)
  km <- data.frame(surv = k$surv, std_err = k$std.err / ifelse(k$surv > 0, k$surv, NA), lower = k$lower, upper = k$upper, n_risk = k$n.risk)
  z <- qnorm(0.975)
  v <- curve_at(ref, TIMES, "e2"); se <- curve_at(ref, TIMES, "e2_se")
  e2 <- data.frame(surv = v, std_err = se, lower = v * exp(-z * se), upper = v * exp(z * se),
                   n_risk = sapply(TIMES, function(t) sum(d$entry < t & d$time >= t)))
  for (m in list(list("pohar_perme", pp), list("ederer2", e2), list("kaplan_meier", km))) {
    expected <- rbind(expected, data.frame(dataset = name, method = m[[1]], years = TIMES / YEAR, m[[2]]))
  }
}
patients$diagnosis <- format(as.Date(patients$dx, origin = "1970-01-01"))
write_fixture(patients[, c("dataset", "table", "id", "sex", "age_days", "diagnosis", "entry", "time", "status")], "patients.csv")
write_fixture(expected, "expected.csv")
lts <- do.call(rbind, lapply(names(tables), function(n) data.frame(table = n, tables[[n]])))
write_fixture(lts, "life_tables.csv")

# ---- age standardisation with ICSS 1 (Corazziari, Quinn, Capocaccia 2004): 15-44, 45-54, 55-64,
# 65-74, 75+. Traditional: each age group's Pohar Perme (rs.surv), weighted, variance sum w^2 var.
# Brenner: individual weights w_k / (n_k / n) in one Pohar Perme estimate (the direct implementation).
icss1 <- c(0.07, 0.12, 0.23, 0.29, 0.29)
standardised <- NULL
for (name in c("colrec", "sire", "colrec_small", "period_1998")) {
  d <- cohorts[[name]]$d
  d <- d[d$time > d$entry & d$age_days >= 15 * YEAR, ]
  hazard <- as_hazard(tables[[cohorts[[name]]$table]])
  group <- cut(d$age_days / YEAR, c(15, 45, 55, 65, 75, Inf), right = FALSE, labels = FALSE)
  if (length(unique(group)) < 5) next
  by_group <- lapply(1:5, function(k) {
    g <- d[group == k, ]
    r <- relsurv_reference(g, entry = g$entry, add_times = TIMES, hazard = hazard)
    data.frame(surv = curve_at(r, TIMES, "pp"), se = curve_at(r, TIMES, "pp_se"))
  })
  traditional <- Reduce(`+`, lapply(1:5, function(k) icss1[k] * by_group[[k]]$surv))
  # a group whose follow-up ends before t has only its last value: not a standardised estimate at t
  followed <- sapply(TIMES, function(t) all(sapply(1:5, function(k) max(d$time[group == k]) > floor(t))))
  traditional_var <- Reduce(`+`, lapply(1:5, function(k) (icss1[k] * by_group[[k]]$surv * by_group[[k]]$se)^2))
  traditional[!followed] <- NA; traditional_var[!followed] <- NA
  share <- tabulate(group, 5) / nrow(d)
  brenner <- relsurv_reference(d, entry = d$entry, w = icss1[group] / share[group], add_times = TIMES, hazard = hazard)
  standardised <- rbind(standardised, data.frame(dataset = name, years = TIMES / YEAR, traditional = traditional,
                                                 traditional_se = sqrt(traditional_var), brenner = curve_at(brenner, TIMES, "pp"),
                                                 brenner_log_se = curve_at(brenner, TIMES, "pp_se")))
}
write_fixture(standardised, "icss1_standardised.csv")
cat("wrote", out, "\n")

# ---- through the register formats: colrec's adults (18-99 at diagnosis, the adult survival mart's
# ages) by year of diagnosis, as a cohort analysis without age standardisation would give them,
# rs.surv(add.times = TIMES) per year (the API test writes colrec as cancer-register, deaths and
# life-tables files, loads them and asks the API).
adults <- colrec_all[colrec_all$age_days >= 18 * YEAR & colrec_all$age_days < 100 * YEAR, ]
rt <- as_ratetable(tables$slopop)
register <- NULL
for (year in 1994:2000) {
  d <- adults[format(as.Date(adults$dx, origin = "1970-01-01"), "%Y") == as.character(year), ]
  d$date <- as.Date(d$dx, origin = "1970-01-01")
  fit <- rs.surv(Surv(time, status) ~ 1, data = d, ratetable = rt, method = "pohar-perme", conf.type = "log", add.times = TIMES,
                 rmap = list(age = age_days, sex = sex, year = date))
  s <- summary(fit, times = TIMES, extend = TRUE)
  register <- rbind(register, data.frame(year = year, years = TIMES / YEAR, surv = s$surv, std_err = s$std.err / s$surv,
                                         patients = nrow(d)))
}
write_fixture(register, "register_cohorts.csv")
cat("wrote register_cohorts.csv\n")
