// Table storage is what most adapters here are written against.
global using Azure.Data.Tables;
