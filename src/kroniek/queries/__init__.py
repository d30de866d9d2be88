"""The read layer: functions over a store that the CLI prints, and that the API and UI serve.

* ``facts`` — quotes by speaker or topic, figures as time series;
* ``entity_stats`` — entities with mention counts over time;
* ``digest`` — the plain-text account of what a store knows;
* ``export`` — every article with its annotations as JSON Lines, CSV or Parquet.
"""
