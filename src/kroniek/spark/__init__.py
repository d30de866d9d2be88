"""The extraction over a dataset with Apache Spark (``pip install 'kroniek[spark]'``): see
:mod:`.job` (``kroniek spark INPUT OUTPUT``) and :mod:`.schema` (the contract as Spark structs)."""
