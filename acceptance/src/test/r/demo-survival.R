# Expected survival on the bundled demo data (test-fixtures/demo-data), computed in R from the
# delivered files alone, for DemoSurvivalTest: what the warehouse computes from the same files
# through its loaders, marts and engine. Run from the project root:
#   Rscript acceptance/src/test/r/demo-survival.R
# Net survival uses the direct implementation of relsurv's computation
# (warehouse/src/test/r/relsurv-reference.R, checked against rs.surv by survival-fixtures.R), on the
# grid of the reporting times (add.times 1, 3, 5 years up to the estimate's); observed survival is
# survival's survfit with delayed entry. Tumours with no follow-up (0 days) are left out first.
suppressPackageStartupMessages(library(survival))
source("warehouse/src/test/r/relsurv-reference.R")
dir <- "test-fixtures/demo-data"
YEAR <- 365.241
closing <- as.Date("2027-12-31")
tumours <- read.csv(file.path(dir, "cancer-register.csv"), colClasses = "character")
deaths <- read.csv(file.path(dir, "deaths.csv"), colClasses = "character")
life <- read.csv(file.path(dir, "life-tables.csv"), colClasses = "character")
life$age <- as.integer(sub("\\+", "", life$age))
life$year <- as.integer(life$year); life$sex <- as.integer(life$sex_code); life$q <- as.numeric(life$death_probability)
years <- sort(unique(life$year)); last_age <- max(life$age)
# hazard per day by [age + 1, year index, sex]
lambda <- array(NA, c(last_age + 1, length(years), 2))
lambda[cbind(life$age + 1, match(life$year, years), life$sex)] <- -log(1 - life$q) / YEAR
jan1 <- as.numeric(as.Date(paste0(years, "-01-01"))); cuts <- (0:last_age) * YEAR
hazard <- function(age_days, date_days, sex) {
  lambda[cbind(pmax(1, findInterval(age_days, cuts)), pmax(1, findInterval(date_days, jan1)), sex)]
}

t <- transform(tumours, sex = as.integer(sex_code), birth = as.Date(birth_date), diagnosis = as.Date(diagnosis_date))
t <- t[t$behaviour %in% c("", "3") & t$basis_of_diagnosis != "0" & t$diagnosis <= closing, ]
t$age_days <- as.integer(t$diagnosis - t$birth)
death <- as.Date(deaths$death_date[match(t$person_id, deaths$person_id)])
lost <- as.Date(ifelse(t$lost_to_follow_up_date == "", NA, t$lost_to_follow_up_date))
censor <- pmin(closing, lost, na.rm = TRUE)
t$died <- !is.na(death) & death <= closing & (is.na(lost) | death <= lost)
t$exit <- as.integer(ifelse(t$died, death - t$diagnosis, censor - t$diagnosis))
t <- t[is.na(death) | death >= t$diagnosis, ]
t <- t[t$exit > 0, ]  # no follow-up at all: excluded before any estimator
t$dx <- as.numeric(t$diagnosis)

window <- function(d, year) {
  start <- as.integer(as.Date(sprintf("%d-01-01", year)) - d$diagnosis)
  stop <- as.integer(as.Date(sprintf("%d-01-01", year + 1)) - d$diagnosis)
  entry <- pmax(0L, start); exit <- pmin(d$exit, stop)
  status <- as.integer(d$died & d$exit <= stop)
  keep <- exit > entry
  w <- d[keep, ]; w$entry <- entry[keep]; w$time <- exit[keep]; w$status <- status[keep]
  w
}
icss1 <- c(0.07, 0.12, 0.23, 0.29, 0.29)
# the patients an estimate at t years rests on: those at risk in the window before t (the engine's horizon)
within <- function(d, years_after) d[d$entry < floor(years_after * YEAR) + 1, ]
net <- function(d, years_after) {
  d <- within(d, years_after)
  group <- cut(d$age_days / YEAR, c(15, 45, 55, 65, 75, Inf), right = FALSE, labels = FALSE)
  share <- tabulate(group, 5) / nrow(d)
  times <- c(c(1, 3, 5, 10)[c(1, 3, 5, 10) < years_after], years_after) * YEAR
  curve <- relsurv_reference(d, d$entry, icss1[group] / share[group], times, hazard)
  c(curve_at(curve, years_after * YEAR, "pp"), curve_at(curve, years_after * YEAR, "pp_se"), nrow(d))
}
adults <- t[t$age_days >= 18 * YEAR & t$age_days < 100 * YEAR, ]
lung <- adults[substr(adults$icd10_code, 1, 3) %in% c("C33", "C34"), ]
rows <- list()
add <- function(indicator, diagnosis, sex, v, period = if (grepl("cohort", indicator)) 2022 else 2027)
  rows[[length(rows) + 1]] <<- data.frame(indicator = indicator, period = period,
  diagnosis = diagnosis, sex = sex, value = v[1], log_se = v[2], patients = v[3])
all2027 <- window(adults, 2027)
add("net_survival_1y", "MALIGNANT", 3, net(all2027, 1))
add("net_survival_5y", "MALIGNANT", 3, net(all2027, 5))
add("net_survival_5y", "MALIGNANT", 2, net(all2027[all2027$sex == 2, ], 5))
cohort2022 <- adults[format(adults$diagnosis, "%Y") == "2022", ]
cohort2022 <- transform(cohort2022, entry = 0, time = exit, status = as.integer(died))
add("net_survival_5y_cohort", "MALIGNANT", 3, net(cohort2022, 5))
hybrid <- all2027[format(all2027$diagnosis, "%Y") < "2027", ]
add("net_survival_5y_hybrid", "MALIGNANT", 3, net(hybrid, 5))
children <- within(window(t[t$age_days < 18 * YEAR, ], 2027), 5)
fit <- summary(survfit(Surv(entry, time, status) ~ 1, data = children), times = 5 * YEAR, extend = TRUE)
add("child_observed_survival_5y", "MALIGNANT", 3, c(fit$surv, fit$std.err / fit$surv, nrow(children)))
out <- do.call(rbind, rows)
path <- "acceptance/src/test/resources/survival/demo-2027.csv"
writeLines(paste0("# computed with ", R.version.string, ", survival ", packageVersion("survival"),
                  " and relsurv-reference.R (relsurv 2.2.9's computation), from test-fixtures/demo-data"), path)
suppressWarnings(write.table(format(out, digits = 17), path, sep = ",", row.names = FALSE, quote = FALSE, append = TRUE))
cat(readLines(path), sep = "\n")
